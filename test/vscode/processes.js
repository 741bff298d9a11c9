// Child processes started by the launchers, each in its own process group, so that
// code-server's extension host, pty host and file watchers all go when we go: on normal
// exit, on failure, on timeout and on Ctrl-C. Nothing is ever killed by name.
'use strict';

const { spawn } = require('node:child_process');

const groups = new Set(); // pids of process-group leaders we started
const cleanups = []; // async cleanups (e.g. closing the browser), run before the groups go
let handlersInstalled = false;
let shuttingDown = false;

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

function isGroupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Spawns `command` (argument array, no shell) as the leader of a new process group. */
function spawnGroup(command, args, options = {}) {
  installHandlers();
  const child = spawn(command, args, { ...options, detached: true });
  // The leader exiting does not end its group, so the pid stays listed until stopGroup().
  if (child.pid) groups.add(child.pid);
  return child;
}

/** SIGTERM to the whole group, SIGKILL after `graceMs` if anything is left. */
async function stopGroup(pid, graceMs = 3000) {
  if (!groups.has(pid)) return;
  killGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isGroupAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (isGroupAlive(pid)) killGroup(pid, 'SIGKILL');
  groups.delete(pid);
}

/** Registers an async cleanup (LIFO) to run on stopAll(). */
function onCleanup(fn) {
  installHandlers();
  cleanups.push(fn);
}

async function stopAll() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    try {
      await Promise.race([fn(), new Promise((resolve) => setTimeout(resolve, 5000))]);
    } catch {
      // best effort: the process groups below are killed regardless
    }
  }
  for (const pid of [...groups]) await stopGroup(pid);
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort, synchronous: whatever is still running when node exits.
  process.on('exit', () => {
    for (const pid of groups) killGroup(pid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (shuttingDown) {
        process.exit(130);
      }
      shuttingDown = true;
      process.stderr.write(`\n${signal}: stopping ${cleanups.length > 0 ? 'the browser and ' : ''}code-server...\n`);
      stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

module.exports = { spawnGroup, stopGroup, stopAll, onCleanup };
