// Every `okr` subcommand, in the order `okr --help` lists them.

import type { Command } from '../io';
import { lintCommand } from './lint';
import { listCommand } from './list';
import { branchCommand } from './branch';
import { hookCommand } from './hook';
import { checkCommitsCommand } from './check-commits';
import { closeCommand } from './close';
import { nextPeriodCommand } from './next-period';
import { linksCommand } from './links';
import { checkInCommand } from './check-in';
import { dueCommand } from './due';
import { tagCommand } from './tag';
import { reportCommand } from './report';

export const commands: readonly Command[] = [
  lintCommand,
  listCommand,
  linksCommand,
  reportCommand,
  branchCommand,
  tagCommand,
  hookCommand,
  checkCommitsCommand,
  checkInCommand,
  dueCommand,
  closeCommand,
  nextPeriodCommand,
];
