import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AutosaveScheduler, type AutosaveStatus, type SaveOutcome } from "./autosave";

/** A save the test finishes by hand, to look at the scheduler while it is in flight. */
function controlledSaves() {
  const calls: Array<{ text: string; finish: (outcome: SaveOutcome | Error) => void }> = [];
  let text = "";
  const save = () =>
    new Promise<SaveOutcome>((resolve, reject) => {
      calls.push({ text, finish: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)) });
    });
  return {
    calls,
    save,
    type(value: string) {
      text = value;
    },
  };
}

const saved = (): SaveOutcome => ({ kind: "saved", savedAt: new Date(0) });

describe("AutosaveScheduler", () => {
  let statuses: AutosaveStatus["kind"][];
  let saves: ReturnType<typeof controlledSaves>;
  let autosave: AutosaveScheduler;

  beforeEach(() => {
    vi.useFakeTimers();
    statuses = [];
    saves = controlledSaves();
    autosave = new AutosaveScheduler({ save: saves.save, onStatus: (s) => statuses.push(s.kind) });
  });
  afterEach(() => {
    autosave.dispose();
    vi.useRealTimers();
  });

  const edit = (text: string) => {
    saves.type(text);
    autosave.edited();
  };
  const flush = () => vi.advanceTimersByTimeAsync(0);

  it("saves once, about a second after typing stops", async () => {
    edit("a");
    await vi.advanceTimersByTimeAsync(600);
    edit("ab");
    await vi.advanceTimersByTimeAsync(999);
    expect(saves.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves.calls.map((c) => c.text)).toEqual(["ab"]);
    saves.calls[0]!.finish(saved());
    await flush();
    expect(autosave.current.kind).toBe("saved");
    expect(autosave.dirty).toBe(false);
  });

  it("saves at least every 10 seconds while the writer never pauses", async () => {
    for (let t = 0; t < 10_000; t += 500) {
      edit(`t${t}`);
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(saves.calls).toHaveLength(1);
  });

  it("keeps one save in flight, and text typed during it stays unsaved until the next save", async () => {
    edit("first");
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.calls).toHaveLength(1);
    edit("first second");
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves.calls).toHaveLength(1);
    expect(autosave.current.kind).toBe("saving");

    saves.calls[0]!.finish(saved());
    await flush();
    expect(autosave.dirty).toBe(true);
    expect(autosave.current.kind).toBe("dirty");

    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.calls.map((c) => c.text)).toEqual(["first", "first second"]);
    saves.calls[1]!.finish(saved());
    await flush();
    expect(autosave.current.kind).toBe("saved");
  });

  it("save now during a save sends the newer text right after it", async () => {
    edit("one");
    await vi.advanceTimersByTimeAsync(1000);
    edit("one two");
    const done = autosave.saveNow();
    saves.calls[0]!.finish(saved());
    await flush();
    expect(saves.calls.map((c) => c.text)).toEqual(["one", "one two"]);
    saves.calls[1]!.finish(saved());
    await expect(done).resolves.toBe(true);
  });

  it("says offline and retries with growing waits until the server answers", async () => {
    edit("x");
    await vi.advanceTimersByTimeAsync(1000);
    saves.calls[0]!.finish(new TypeError("Failed to fetch"));
    await flush();
    expect(autosave.current).toEqual({ kind: "offline", retryInMs: 1000 });
    edit("xy"); // typing while offline keeps the offline status and goes with the retry
    expect(autosave.current.kind).toBe("offline");
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.calls).toHaveLength(2);
    saves.calls[1]!.finish(new TypeError("Failed to fetch"));
    await flush();
    expect(autosave.current).toEqual({ kind: "offline", retryInMs: 2000 });
    await vi.advanceTimersByTimeAsync(1999);
    expect(saves.calls).toHaveLength(2);
    autosave.online();
    expect(saves.calls.map((c) => c.text)).toEqual(["x", "xy", "xy"]);
    saves.calls[2]!.finish(saved());
    await flush();
    expect(autosave.current.kind).toBe("saved");
  });

  it("stops at a conflict until the writer resolves it", async () => {
    edit("mine");
    await vi.advanceTimersByTimeAsync(1000);
    saves.calls[0]!.finish({ kind: "conflict" });
    await flush();
    expect(autosave.current.kind).toBe("conflict");
    edit("mine, more");
    await vi.advanceTimersByTimeAsync(20_000);
    expect(saves.calls).toHaveLength(1);
    await expect(autosave.saveNow()).resolves.toBe(false);

    autosave.resolved(false); // keep mine: save again on the new base version
    expect(saves.calls).toHaveLength(2);
    saves.calls[1]!.finish(saved());
    await flush();
    expect(autosave.current.kind).toBe("saved");
  });

  it("taking the other version counts as saved without a save", async () => {
    edit("mine");
    await vi.advanceTimersByTimeAsync(1000);
    saves.calls[0]!.finish({ kind: "conflict" });
    await flush();
    autosave.resolved(true, new Date(0));
    expect(autosave.current).toEqual({ kind: "saved", savedAt: new Date(0) });
    expect(autosave.dirty).toBe(false);
  });

  it("a refused save waits for the next edit instead of retrying the same text", async () => {
    edit("");
    await vi.advanceTimersByTimeAsync(1000);
    saves.calls[0]!.finish({ kind: "refused", message: "Give the story a title." });
    await flush();
    expect(autosave.current).toEqual({ kind: "refused", message: "Give the story a title." });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(saves.calls).toHaveLength(1);
    edit("A title");
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.calls).toHaveLength(2);
  });
});
