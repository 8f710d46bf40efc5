/**
 * When to save, and what the save status may honestly claim. Pure logic with injectable
 * timers, so the rules are unit-tested; the workspace supplies `save`, which sends a
 * snapshot of the text as it is at the moment it is called.
 *
 * Every edit bumps a revision number. A save remembers the revision it sent, and only that
 * revision counts as saved: text typed while a save is in flight stays unsaved and goes
 * with the next save.
 */

export type SaveOutcome =
  | { kind: "saved"; savedAt: Date }
  /** Someone else saved first; autosave waits until the writer resolves it. */
  | { kind: "conflict" }
  /** The server refused the text (e.g. no title); retrying the same text cannot help. */
  | { kind: "refused"; message: string };

export type AutosaveStatus =
  | { kind: "saved"; savedAt: Date | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "offline"; retryInMs: number }
  | { kind: "conflict" }
  | { kind: "refused"; message: string };

export interface AutosaveTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutosaveOptions {
  /** Sends the current text. A rejected promise means the server was not reached. */
  save: () => Promise<SaveOutcome>;
  onStatus: (status: AutosaveStatus) => void;
  /** Quiet time after the last keystroke before saving. */
  idleMs?: number;
  /** Longest a writer who never pauses goes without a save. */
  maxWaitMs?: number;
  /** First retry delay when the server is unreachable; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  timers?: AutosaveTimers;
  now?: () => number;
}

export class AutosaveScheduler {
  private revision = 0;
  private savedRevision = 0;
  private inFlight = false;
  private flight: Promise<void> = Promise.resolve();
  /** A save was asked for while one was in flight. */
  private again = false;
  private idleTimer: unknown = null;
  private retryTimer: unknown = null;
  /** When the oldest unsaved edit was made, for the max-wait rule. */
  private dirtySince: number | null = null;
  private retryDelay: number;
  private blocked: "conflict" | "refused" | null = null;
  private disposed = false;
  private status: AutosaveStatus = { kind: "saved", savedAt: null };

  private readonly idleMs: number;
  private readonly maxWaitMs: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private readonly timers: AutosaveTimers;
  private readonly now: () => number;

  constructor(private readonly options: AutosaveOptions) {
    this.idleMs = options.idleMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
    this.retryMs = options.retryMs ?? 1000;
    this.maxRetryMs = options.maxRetryMs ?? 30_000;
    this.retryDelay = this.retryMs;
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.now = options.now ?? (() => Date.now());
  }

  get dirty(): boolean {
    return this.revision > this.savedRevision;
  }

  get current(): AutosaveStatus {
    return this.status;
  }

  /** The writer changed something. */
  edited(): void {
    if (this.disposed) return;
    this.revision++;
    this.dirtySince ??= this.now();
    if (this.blocked === "refused") this.blocked = null;
    if (this.blocked) return;
    if (!this.inFlight && this.status.kind !== "offline") this.setStatus({ kind: "dirty" });
    this.schedule();
  }

  /** Save now (Ctrl+S, the Save button, before a workflow step). Resolves when the text is saved or cannot be. */
  async saveNow(): Promise<boolean> {
    if (this.disposed) return false;
    if (this.blocked === "refused") this.blocked = null;
    if (this.blocked) return false;
    this.clearTimers();
    if (this.inFlight) {
      this.again = true;
      while (this.inFlight) await this.flight;
      if (!this.dirty) return true;
    }
    if (!this.dirty) return true;
    await this.run();
    return !this.dirty && this.blocked === null;
  }

  /**
   * After a conflict: the writer chose a text. `clean` when it equals what is stored (they
   * took the other version); otherwise it still has to be saved on the new base version.
   */
  resolved(clean: boolean, savedAt: Date | null = null): void {
    this.blocked = null;
    this.retryDelay = this.retryMs;
    if (clean) {
      this.savedRevision = this.revision;
      this.dirtySince = null;
      this.setStatus({ kind: "saved", savedAt });
      return;
    }
    this.revision++;
    this.dirtySince ??= this.now();
    void this.saveNow();
  }

  /** The browser says the network is back: retry at once instead of waiting out the backoff. */
  online(): void {
    if (this.status.kind !== "offline" || this.inFlight) return;
    this.clearTimers();
    void this.run();
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimers();
  }

  private schedule(): void {
    // Edits during a save wait for it; afterFlight schedules them.
    if (this.inFlight) return;
    if (this.retryTimer !== null) return; // offline: the retry will carry the new text too
    if (this.idleTimer !== null) this.timers.clearTimeout(this.idleTimer);
    const waited = this.dirtySince === null ? 0 : this.now() - this.dirtySince;
    const delay = Math.max(0, Math.min(this.idleMs, this.maxWaitMs - waited));
    this.idleTimer = this.timers.setTimeout(() => {
      this.idleTimer = null;
      void this.run();
    }, delay);
  }

  private run(): Promise<void> {
    if (this.inFlight || this.disposed || this.blocked) return this.flight;
    this.inFlight = true;
    this.again = false;
    const sent = this.revision;
    this.setStatus({ kind: "saving" });
    this.flight = this.options
      .save()
      .then(
        (outcome) => this.landed(sent, outcome),
        () => this.unreachable(),
      )
      .finally(() => {
        this.inFlight = false;
      })
      .then(() => this.afterFlight());
    return this.flight;
  }

  private landed(sent: number, outcome: SaveOutcome): void {
    this.retryDelay = this.retryMs;
    if (outcome.kind === "saved") {
      this.savedRevision = Math.max(this.savedRevision, sent);
      if (this.dirty) {
        // Edits made during the save start their own wait now.
        this.dirtySince = this.now();
        this.setStatus({ kind: "dirty" });
      } else {
        this.dirtySince = null;
        this.setStatus({ kind: "saved", savedAt: outcome.savedAt });
      }
    } else if (outcome.kind === "conflict") {
      this.blocked = "conflict";
      this.setStatus({ kind: "conflict" });
    } else {
      this.blocked = "refused";
      this.setStatus({ kind: "refused", message: outcome.message });
    }
  }

  private unreachable(): void {
    if (this.disposed) return;
    const wait = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, this.maxRetryMs);
    this.setStatus({ kind: "offline", retryInMs: wait });
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.run();
    }, wait);
  }

  private afterFlight(): void {
    if (this.disposed || this.blocked || this.retryTimer !== null || !this.dirty) return;
    if (this.again) {
      this.again = false;
      void this.run();
      return;
    }
    this.schedule();
  }

  private clearTimers(): void {
    if (this.idleTimer !== null) this.timers.clearTimeout(this.idleTimer);
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.idleTimer = null;
    this.retryTimer = null;
  }

  private setStatus(status: AutosaveStatus): void {
    this.status = status;
    this.options.onStatus(status);
  }
}
