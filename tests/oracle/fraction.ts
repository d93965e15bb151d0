// Exact rational numbers for the oracle. Every figure the paper prints is checked against a value computed
// here without floating point, so a float slip in the code under test (0.1 + 0.2, 16.05 stored as 16.049999…)
// shows up as a mismatch instead of being reproduced.

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** A reduced fraction n/d with d > 0. Immutable. */
export class Fraction {
  readonly n: bigint;
  readonly d: bigint;

  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new RangeError('fraction with denominator 0');
    const sign = d < 0n ? -1n : 1n;
    const g = gcd(n, d) || 1n;
    this.n = (sign * n) / g;
    this.d = (sign * d) / g;
  }

  static readonly ZERO = new Fraction(0n);
  static readonly ONE = new Fraction(1n);

  /** An integer (or a bigint) as a fraction. Only for counts and constants: never pass a float. */
  static int(value: number | bigint): Fraction {
    if (typeof value === 'number' && !Number.isInteger(value)) throw new RangeError(`Fraction.int(${value}): not an integer`);
    return new Fraction(BigInt(value));
  }

  /**
   * The exact value of a decimal string as a CSV holds it: "0.1824", "8291.0", "-3", "14,738" (thousands
   * separators), "1.5e-3". Throws on anything else, so a malformed cell is never silently read as zero.
   */
  static parse(text: string): Fraction {
    const t = text.trim().replace(/,/g, '');
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new SyntaxError(`not a decimal number: "${text}"`);
    const digits = (m[2] ?? '') + (m[3] ?? '');
    const exp = BigInt(m[4] ?? '0') - BigInt((m[3] ?? '').length);
    let n = BigInt(digits === '' ? '0' : digits);
    let d = 1n;
    if (exp >= 0n) n *= 10n ** exp;
    else d = 10n ** -exp;
    return new Fraction(m[1] === '-' ? -n : n, d);
  }

  /**
   * A JSON number (e.g. a threshold of 0.8 in report.json) by its shortest decimal spelling, which is what
   * the person typed; `Number` → string is exact for that purpose.
   */
  static fromJsonNumber(value: number): Fraction {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return Fraction.parse(String(value));
  }

  add(o: Fraction): Fraction { return new Fraction(this.n * o.d + o.n * this.d, this.d * o.d); }
  sub(o: Fraction): Fraction { return new Fraction(this.n * o.d - o.n * this.d, this.d * o.d); }
  mul(o: Fraction): Fraction { return new Fraction(this.n * o.n, this.d * o.d); }
  div(o: Fraction): Fraction { return new Fraction(this.n * o.d, this.d * o.n); }
  neg(): Fraction { return new Fraction(-this.n, this.d); }
  abs(): Fraction { return this.n < 0n ? this.neg() : this; }

  /** −1, 0 or 1. */
  sign(): -1 | 0 | 1 { return this.n < 0n ? -1 : this.n > 0n ? 1 : 0; }
  cmp(o: Fraction): -1 | 0 | 1 { return this.sub(o).sign(); }
  eq(o: Fraction): boolean { return this.n === o.n && this.d === o.d; }
  lt(o: Fraction): boolean { return this.cmp(o) < 0; }
  gt(o: Fraction): boolean { return this.cmp(o) > 0; }
  le(o: Fraction): boolean { return this.cmp(o) <= 0; }
  ge(o: Fraction): boolean { return this.cmp(o) >= 0; }
  isZero(): boolean { return this.n === 0n; }

  /** Largest integer ≤ this. */
  floor(): bigint {
    const q = this.n / this.d; // truncates toward zero
    return this.n < 0n && q * this.d !== this.n ? q - 1n : q;
  }

  static max(a: Fraction, b: Fraction): Fraction { return a.ge(b) ? a : b; }
  static min(a: Fraction, b: Fraction): Fraction { return a.le(b) ? a : b; }
  static sum(xs: readonly Fraction[]): Fraction { return xs.reduce((s, x) => s.add(x), Fraction.ZERO); }

  /** "n/d" (or "n"): for test messages, never for the paper. */
  toString(): string { return this.d === 1n ? `${this.n}` : `${this.n}/${this.d}`; }

  /** An approximation for charts and debugging only: never compare or print a figure from it. */
  toNumber(): number { return Number(this.n) / Number(this.d); }
}

/**
 * The product's rounding rule: half away from zero on the exact value, to `decimals` places
 * (16.05 → 16.1, −0.65 → −0.7, −2.85 → −2.9). Returns the rounded value, still exact.
 */
export function roundHalfAway(f: Fraction, decimals: number): Fraction {
  const scale = 10n ** BigInt(decimals);
  const scaled = f.abs().mul(new Fraction(scale));
  const whole = scaled.floor();
  const rest = scaled.sub(new Fraction(whole));
  const up = rest.mul(Fraction.int(2)).ge(Fraction.ONE) ? 1n : 0n;
  const magnitude = whole + up;
  return new Fraction(f.sign() < 0 ? -magnitude : magnitude, scale);
}

/** U+2212, the minus sign the paper prints (not a hyphen). */
export const MINUS = '\u2212';

/**
 * `f` rounded half away to `decimals` places and written en-GB style: "1,234.5", "12.0", "−0.7".
 * A value that rounds to zero prints without a sign ("0.0"), as the paper never prints "−0.0".
 */
export function fixed(f: Fraction, decimals: number): string {
  const r = roundHalfAway(f, decimals);
  const scale = 10n ** BigInt(decimals);
  const units = (r.n < 0n ? -r.n : r.n) * (scale / r.d); // exact: r.d divides scale
  const whole = (units / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = decimals > 0 ? '.' + (units % scale).toString().padStart(decimals, '0') : '';
  return (r.n < 0n ? MINUS : '') + whole + frac;
}
