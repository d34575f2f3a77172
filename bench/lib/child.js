/**
 * A bench case in its own process (so its peak RSS is its own). The parent sends
 * {cmd: 'setup', module, params}, then {cmd: 'rep', index} as often as it likes, then
 * {cmd: 'finish'}; every answer goes back over IPC.
 */
import { peakRssMB } from './measure.js';

let mod;

process.on('message', async (message) => {
  try {
    if (message.cmd === 'setup') {
      mod = await import(message.module);
      process.send({ ok: true, value: await mod.setup(message.params) });
    } else if (message.cmd === 'rep') {
      process.send({ ok: true, value: await mod.rep(message.index) });
    } else if (message.cmd === 'finish') {
      process.send({ ok: true, value: { peakRssMB: peakRssMB() } }, () => process.exit(0));
    }
  } catch (error) {
    process.send({ ok: false, error: error instanceof Error ? error.stack : String(error) }, () => process.exit(1));
  }
});
