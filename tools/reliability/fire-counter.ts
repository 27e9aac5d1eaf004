/**
 * Counts what webhook deliveries start: every item a trigger returns, per subscription, and how
 * many of them had already been started once (a double fire: the Zap runs twice for one event).
 */
export class FireCounter {
  private readonly fired = new Map<string, Set<string>>();
  fires = 0;
  doubleFires = 0;

  /** Records what one delivery to `subscription` returned; items are told apart by their `id`. */
  record(subscription: string, started: unknown): void {
    const seen = this.fired.get(subscription) ?? new Set<string>();
    this.fired.set(subscription, seen);
    for (const item of Array.isArray(started) ? started : []) {
      const id = String((item as { id?: unknown } | null)?.id);
      this.fires += 1;
      if (seen.has(id)) this.doubleFires += 1;
      seen.add(id);
    }
  }
}
