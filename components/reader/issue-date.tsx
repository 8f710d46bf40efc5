import { useFormatter } from "next-intl";

/** An issue's date in the reader's language: "September 30, 2022", "2022年9月30日". */
export function IssueDate({ date }: { date: string }) {
  const format = useFormatter();
  const value = new Date(`${date}T00:00:00Z`);
  return (
    <time dateTime={date}>{Number.isNaN(value.getTime()) ? date : format.dateTime(value, { dateStyle: "long", timeZone: "UTC" })}</time>
  );
}
