/** Near the limit from this share of it on, the counter turns amber. */
const NEAR = 0.9;

/**
 * "123 / 600" under a text field, for its aria-describedby. `length` must be counted as
 * the field's maxLength counts (UTF-16 code units: value.length), so that the counter
 * reads "600 / 600" exactly when the field stops taking characters.
 */
export function LengthCounter({ id, length, max }: { id: string; length: number; max: number }) {
  const near = length >= max * NEAR;
  return (
    <p
      id={id}
      data-near-limit={near || undefined}
      className={`self-end text-xs tabular-nums ${near ? "font-semibold text-amber-800" : "text-gray-600"}`}
    >
      {length.toLocaleString("en")} / {max.toLocaleString("en")}
      <span className="sr-only"> characters{length >= max ? ", the limit" : ""}</span>
    </p>
  );
}
