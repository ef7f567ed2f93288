/** Runs async work one at a time per key (e.g. so two "start" messages cannot create two attempts). */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    this.tails.set(key, current);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === current) this.tails.delete(key);
    }
  }

  /**
   * Runs work while holding every key, taken one after another in the order given. Callers that hold
   * several keys at once must give them in one common order (the registry's), or two could wait on each other.
   */
  async runAll<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    if (keys.length === 0) return work();
    return this.run(keys[0], () => this.runAll(keys.slice(1), work));
  }
}
