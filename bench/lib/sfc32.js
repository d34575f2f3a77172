/**
 * The random stream every Bass implementation in the bench uses: sfc32 with its state in an
 * Int32Array, the same generator (and the same state layout) as Concentric's named streams, so
 * that the reduced-model comparison measures the model loop and not the random numbers.
 */
export class Sfc32 {
  constructor(seed) {
    this.state = new Int32Array(4);
    // splitmix32 spreads the seed over the state.
    let x = seed >>> 0;
    for (let k = 0; k < 4; k++) {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      this.state[k] = z ^ (z >>> 16);
    }
    for (let k = 0; k < 12; k++) this.next();
  }

  /** Uniform float in [0, 1). */
  next() {
    const s = this.state;
    const t = (((s[0] + s[1]) | 0) + s[3]) | 0;
    s[3] = (s[3] + 1) | 0;
    s[0] = s[1] ^ (s[1] >>> 9);
    s[1] = (s[2] + (s[2] << 3)) | 0;
    s[2] = (s[2] << 21) | (s[2] >>> 11);
    s[2] = (s[2] + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  below(n) {
    return Math.floor(this.next() * n);
  }
}
