/* SPDX-License-Identifier: GPL-2.0 */
/* The three ways in: tree mode, -p compile_commands.json, Kbuild CHECK=. */
#ifndef PTECHECK_CHECK_H
#define PTECHECK_CHECK_H

int cmd_check(int argc, char **argv);
int cmd_kbuild(int argc, char **argv);
int cmd_layout(int argc, char **argv);
int cmd_explain_helper(int argc, char **argv);

#endif
