# SPDX-License-Identifier: GPL-2.0
#
# mpam_ext developer entry points. The kernel build itself reads Kbuild.
#
#   make [modules] [KVER=<release>] [KDIR=<dir>]   build mpam_ext.ko (arm64)
#   make list-kernels                              supported kernel releases
#   make qemu-test [KVER=..] [TEST=<name>] [SCRIPT=<path>]
#                  [ACPI_PLATFORM=<name> [UEFI=1]] [DT_PLATFORM=<name>]
#   make kunit                                     KUnit suites in QEMU (7.2)
#   make check [KVER=..]                           static checks
#   make test                                      everything, every kernel
#   make stress [SECONDS=n] [SEED=n]               stress and fault injection (debug kernel)
#   make bench [KVER=..] [RUNS=N] [MODE=icount|wall|both]  benchmarks in QEMU (bench/README.md)
#   make replay BUNDLE=<tarball> [PARAMS=..] [KVER=..]  a problem report replayed in QEMU
#   make packages                                  Debian and RPM mpam-ext-dkms in out/packages/
#   make demo [KVER=..] [PLATFORM=<name>] [PARAMS="exclude=67.0 ..."]  boot, load under both policies, show
#   make clean

SHELL := /bin/bash
S := $(CURDIR)/scripts

.PHONY: all modules list-kernels qemu-test kunit check test stress bench demo packages replay clean

all modules:
	@$(S)/build-module $(if $(KDIR),--kdir $(KDIR)) $(KVER)

list-kernels:
	@$(S)/list-kernels

qemu-test:
	@$(S)/qemu-test $(if $(KVER),--kver $(KVER)) \
		$(foreach t,$(TEST),--test $(t)) $(foreach s,$(SCRIPT),--script $(abspath $(s))) \
		$(if $(ACPI_PLATFORM),--acpi-platform $(ACPI_PLATFORM)) $(if $(UEFI),--uefi) \
		$(if $(DT_PLATFORM),--dt-platform $(DT_PLATFORM))

kunit:
	@$(S)/kunit

check:
	@$(S)/check $(KVER)

test:
	@$(S)/run-tests

stress:
	@$(S)/stress $(if $(SECONDS),--seconds $(SECONDS)) $(if $(SEED),--seed $(SEED))

bench:
	@$(CURDIR)/bench/run $(if $(KVER),--kver $(KVER)) $(if $(RUNS),--runs $(RUNS)) \
		$(if $(MODE),--mode $(MODE))

demo:
	@$(S)/demo $(if $(KVER),--kver $(KVER)) $(if $(PLATFORM),--platform $(PLATFORM)) \
		$(if $(PARAMS),--params "$(PARAMS)")

replay:
	@$(S)/replay $(if $(KVER),--kver $(KVER)) $(if $(PARAMS),--params "$(PARAMS)") $(abspath $(BUNDLE))

packages:
	@$(CURDIR)/packaging/build-packages

clean:
	rm -rf out
