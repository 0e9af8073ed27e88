// Costs as exact decimal strings, the way Kelos's C# side prints a System.Decimal: no exponent, and sums that
// do not pick up binary floating-point noise (0.0183345 + 0.0041267 is 0.0224612, not 0.022461199999999998).

/** A JSON number as a plain decimal string: the shortest round-trip digits, exponent written out. */
export function plainDecimal(number) {
  const text = String(number);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) {
    return text;
  }
  const [, sign, whole, fraction = "", exponentText] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  if (point <= 0) {
    return `${sign}0.${"0".repeat(-point)}${digits}`;
  }
  if (point >= digits.length) {
    return sign + digits + "0".repeat(point - digits.length);
  }
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function parse(text) {
  const negative = text.startsWith("-");
  const [whole, fraction = ""] = (negative ? text.slice(1) : text).split(".");
  return { negative, digits: whole + fraction, scale: fraction.length };
}

/** The exact sum of two plain decimal strings, with the larger of their scales (as System.Decimal keeps it). */
export function addDecimals(left, right) {
  const a = parse(left);
  const b = parse(right);
  const scale = Math.max(a.scale, b.scale);
  const value = (x) => (x.negative ? -1n : 1n) * BigInt(x.digits + "0".repeat(scale - x.scale));
  const sum = value(a) + value(b);
  const negative = sum < 0n;
  const digits = (negative ? -sum : sum).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return (negative ? "-" : "") + whole + (scale > 0 ? "." + fraction : "");
}
