import type { Metadata } from "next";
import { buttonClass, inputClass } from "@/components/ui/field";
import { Pager, pageQuery } from "@/components/ui/pager";
import { loadOrRefuse } from "@/lib/action-result";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

const ACTION_GROUPS = [
  { value: "", label: "Any action" },
  { value: "story.", label: "Stories (all)" },
  { value: "issue.", label: "Issues (all)" },
  { value: "user.", label: "Accounts (all)", admin: true },
  { value: "auth.", label: "Sign-ins (all)", admin: true },
  { value: "auth.sign_in_failed", label: "Failed sign-ins", admin: true },
  { value: "settings.", label: "Site settings", admin: true },
  { value: "issue.published", label: "Issue published" },
  { value: "story.approved", label: "Story approved" },
];

function describe(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
}

export default async function AuditLogPage({ searchParams }: Props) {
  const user = await requireRole("editor");
  const { rows, total, filter, actors, workflowOnly, pages } = await loadOrRefuse(async () => listAuditLog(user, await searchParams));
  const pageHref = (page: number) =>
    pageQuery("/studio/audit", { actor: filter.actor, action: filter.action, from: filter.from, to: filter.to }, page);
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      {workflowOnly ? <p className="text-sm text-gray-600">You see the workflow entries: stories and issues.</p> : null}
      <form role="search" aria-label="Filter the audit log" method="get" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-actor" className="text-sm font-medium">Person</label>
          <select id="audit-actor" name="actor" defaultValue={filter.actor ?? ""} className={inputClass}>
            <option value="">Anyone</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>{a.name}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-action" className="text-sm font-medium">Action</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={inputClass}>
            {ACTION_GROUPS.filter((g) => !(workflowOnly && g.admin)).map((g) => (
              <option key={g.value} value={g.value}>{g.label}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-from" className="text-sm font-medium">From</label>
          <input id="audit-from" type="date" name="from" defaultValue={filter.from ?? ""} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-to" className="text-sm font-medium">To</label>
          <input id="audit-to" type="date" name="to" defaultValue={filter.to ?? ""} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass.secondary}>Filter</button>
      </form>
      <p className="text-sm text-gray-600">{total} entries</p>
      <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit log entries, newest first</caption>
          <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-600">
            <tr>
              <th scope="col" className="px-4 py-2">When (UTC)</th>
              <th scope="col" className="px-4 py-2">Who</th>
              <th scope="col" className="px-4 py-2">Action</th>
              <th scope="col" className="px-4 py-2">Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((row) => (
              <tr key={row.id} data-action={row.action}>
                <td className="whitespace-nowrap px-4 py-2 text-gray-700">{when.format(row.createdAt)}</td>
                <td className="px-4 py-2">{row.actorName ?? "—"}</td>
                <td className="px-4 py-2 font-mono text-xs">{row.action}</td>
                <td className="px-4 py-2 text-gray-700">{describe(row.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="p-4 text-gray-700">No entries match.</p> : null}
      </div>
      <Pager page={filter.page} pages={pages} href={pageHref} labels={["← Newer", "Older →"]} />
    </div>
  );
}
