// SPDX-License-Identifier: GPL-2.0
/*
 * firmware_request_nowarn(): Linux 4.18, "firmware: add
 * firmware_request_nowarn() - load firmware without warnings".
 */
#include <linux/firmware.h>

int mpx_probe(const struct firmware **fw, struct device *dev);
int mpx_probe(const struct firmware **fw, struct device *dev)
{
	return firmware_request_nowarn(fw, "x", dev);
}
