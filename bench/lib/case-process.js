/** Parent side of lib/child.js: start a case in its own Node process and talk to it. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));

export class CaseProcess {
  constructor(label, { execArgv = [] } = {}) {
    this.label = label;
    this.child = fork(CHILD, [], { execArgv: ['--expose-gc', ...execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.pending = null;
    this.child.on('message', (message) => {
      const pending = this.pending;
      this.pending = null;
      if (!pending) return;
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new Error(`${this.label}: ${message.error}`));
    });
    this.child.on('exit', (code) => {
      if (this.pending) this.pending.reject(new Error(`${this.label}: process exited with code ${code}`));
      this.pending = null;
    });
  }

  call(message) {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send(message);
    });
  }

  setup(moduleUrl, params) {
    return this.call({ cmd: 'setup', module: moduleUrl, params });
  }

  rep(index) {
    return this.call({ cmd: 'rep', index });
  }

  finish() {
    return this.call({ cmd: 'finish' });
  }

  kill() {
    this.child.kill();
  }
}
