# SPDX-License-Identifier: GPL-2.0
# Shared shell helpers for the mpam_ext scripts. Source, do not run.

MPX_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MPX_CACHE=${MPAM_EXT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mpam_ext}
MPX_KCONF=$MPX_TOP/scripts/kernels.conf
MPX_RESOLVED=$MPX_CACHE/kernels.resolved
MPX_HOST_ARCH=$(dpkg --print-architecture 2>/dev/null || uname -m)

mpx_log() { printf '[mpam_ext] %s\n' "$*" >&2; }
mpx_die() { printf '[mpam_ext] error: %s\n' "$*" >&2; exit 1; }

# Supported kernel lines without comments: "series kind suite pattern".
mpx_kernel_lines() { grep -Ev '^[[:space:]]*(#|$)' "$MPX_KCONF"; }

# mpx_apt_opts SUITE: apt options that read SUITE. Suites the host already
# carries (bookworm*) use the host's configuration; any other suite gets a
# private list under the cache, so the host is never upgraded from it.
mpx_apt_opts() {
	local suite=$1 d
	case $suite in
	bookworm|bookworm-security|bookworm-updates)
		echo ""
		return ;;
	esac
	d=$MPX_CACHE/apt/$suite
	echo "-o Dir::Etc::SourceList=$d/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$d/lists -o Dir::Cache=$d/cache -o Dir::State::status=$d/status"
}

# mpx_apt_prepare SUITE: make sure the private lists of SUITE exist and are
# at most a day old.
mpx_apt_prepare() {
	local suite=$1 d uri
	[ -n "$(mpx_apt_opts "$suite")" ] || return 0
	d=$MPX_CACHE/apt/$suite
	mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
	: >"$d/status.tmp"; [ -f "$d/status" ] || mv "$d/status.tmp" "$d/status"
	rm -f "$d/status.tmp"
	case $suite in
	*-security) uri=http://deb.debian.org/debian-security ;;
	*) uri=http://deb.debian.org/debian ;;
	esac
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $suite main" >"$d/sources.list"
	if [ -z "$(find "$d/lists" -maxdepth 1 -name '*Packages' -mtime -1 2>/dev/null)" ]; then
		# shellcheck disable=SC2046
		apt-get $(mpx_apt_opts "$suite") -o APT::Architectures::="$MPX_HOST_ARCH" \
			-o APT::Architectures::=arm64 -qq update >/dev/null
	fi
}

# mpx_resolved FIELD SERIES|RELEASE: a field of kernels.resolved.
# Fields: 1 series, 2 release, 3 kind, 4 build dir, 5 image.
mpx_resolved() {
	local field=$1 key=$2
	[ -f "$MPX_RESOLVED" ] || mpx_die "no kernels set up: run scripts/setup"
	awk -v k="$key" -v f="$field" '$1 == k || $2 == k { print $f; exit }' "$MPX_RESOLVED"
}

# mpx_default_release: the newest supported kernel's release.
mpx_default_release() {
	[ -f "$MPX_RESOLVED" ] || mpx_die "no kernels set up: run scripts/setup"
	tail -n 1 "$MPX_RESOLVED" | awk '{ print $2 }'
}
