/**
 * Ages as kubectl prints them: apimachinery's duration.HumanDuration (`45s`, `2m30s`, `10m`,
 * `5h2m`, `3d4h`, `45d`, `2y3d`), measured on the simulator's clock.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** Parsed timestamps: objects made in the same second share one, and `get -A` reads thousands. */
const parsed = new Map<string, number>();

/** `translateTimestampSince`: the age of an RFC 3339 timestamp, `<unknown>` when unset. */
export function age(timestamp: string | undefined | null, nowMs: number): string {
  if (!timestamp) return '<unknown>';
  let ms = parsed.get(timestamp);
  if (ms === undefined) {
    if (parsed.size > 4096) parsed.clear();
    ms = Date.parse(timestamp);
    parsed.set(timestamp, ms);
  }
  return humanDuration(nowMs - ms);
}
