/**
 * The fragment of a Share link: the deflated transcript, and the exercise whose starting cluster it
 * began from when the learner was working on one (`#exercise=ID&replay=DATA`), so that the replay
 * starts where the learner started.
 */
export interface SharedWork {
  data: string;
  exercise?: string;
}

export function shareFragment(data: string, exercise: string | undefined): string {
  return exercise ? `#exercise=${encodeURIComponent(exercise)}&replay=${data}` : `#replay=${data}`;
}

export function readShareFragment(hash: string): SharedWork | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const data = params.get('replay');
  if (!data) return undefined;
  const exercise = params.get('exercise') ?? '';
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(exercise) ? { data, exercise } : { data };
}
