import type { Metadata } from "next";
import { InviteForm } from "@/components/studio/invite-form";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass, inputClass } from "@/components/ui/field";
import { Pager, pageQuery } from "@/components/ui/pager";
import { requireRole } from "@/lib/auth/session";
import { ROLES, USER_STATUSES } from "@/lib/domain-types";
import { listPeopleFor } from "@/lib/people/list-people";
import {
  changeRoleAction,
  issueResetAction,
  resendInvitationAction,
  revokeInvitationAction,
  setStatusAction,
} from "./actions";

export const metadata: Metadata = { title: "People" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const STATUS_STYLE = {
  active: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  invited: "bg-sky-50 text-sky-800 ring-sky-300",
  deactivated: "bg-gray-100 text-gray-700 ring-gray-300",
} as const;
const label = (word: string) => `${word[0]?.toUpperCase() ?? ""}${word.slice(1)}`;

export default async function PeoplePage({ searchParams }: Props) {
  const user = await requireRole("admin");
  const { people, total, filter, pages } = await listPeopleFor(user, await searchParams);
  const pageHref = (page: number) => pageQuery("/studio/people", { q: filter.q, role: filter.role, status: filter.status }, page);
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <h1 className="text-2xl font-bold">People</h1>

      <section aria-labelledby="invite-heading" className="rounded-lg border border-gray-200 bg-white p-4">
        <h2 id="invite-heading" className="mb-3 text-lg font-semibold">
          Invite someone
        </h2>
        <InviteForm />
      </section>

      <section aria-labelledby="accounts-heading" className="space-y-3">
        <h2 id="accounts-heading" className="text-lg font-semibold">
          Accounts <span className="text-sm font-normal text-gray-600">({total})</span>
        </h2>
        <form role="search" aria-label="Filter accounts" className="flex flex-wrap items-end gap-3" method="get">
          <div className="flex flex-col gap-1">
            <label htmlFor="people-q" className="text-sm font-medium">
              Search name or email
            </label>
            <input id="people-q" name="q" defaultValue={filter.q ?? ""} className={inputClass} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="people-role" className="text-sm font-medium">
              Role
            </label>
            <select id="people-role" name="role" defaultValue={filter.role ?? ""} className={inputClass}>
              <option value="">Any role</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {label(r)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="people-status" className="text-sm font-medium">
              Status
            </label>
            <select id="people-status" name="status" defaultValue={filter.status ?? ""} className={inputClass}>
              <option value="">Any status</option>
              {USER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {label(s)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass.secondary}>
            Filter
          </button>
        </form>

        <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Accounts</caption>
            <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-600">
              <tr>
                <th scope="col" className="px-4 py-2">Person</th>
                <th scope="col" className="px-4 py-2">Role</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2">Last sign-in (UTC)</th>
                <th scope="col" className="px-4 py-2">Actions</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 align-top">
              {people.map((person) => {
                const self = person.id === user.id;
                return (
                  <tr key={person.id} data-person={person.email}>
                    <td className="px-4 py-3">
                      <p className="font-medium">
                        {person.name}
                        {self ? <span className="text-gray-500"> (you)</span> : null}
                      </p>
                      <p className="text-gray-600">{person.email}</p>
                    </td>
                    <td className="px-4 py-3">
                      {self ? (
                        <span>{label(person.role)}</span>
                      ) : (
                        <ActionForm action={changeRoleAction} hidden={{ userId: person.id }} label="Change" className="flex flex-wrap items-center gap-2">
                          <label className="sr-only" htmlFor={`role-${person.id}`}>
                            Role of {person.name}
                          </label>
                          <select id={`role-${person.id}`} name="role" defaultValue={person.role} className={`${inputClass} py-1`}>
                            {ROLES.map((r) => (
                              <option key={r} value={r}>
                                {label(r)}
                              </option>
                            ))}
                          </select>
                        </ActionForm>
                      )}
                    </td>
                    <td className="px-4 py-3">
                      <span data-status={person.status} className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLE[person.status]}`}>
                        {label(person.status)}
                      </span>
                      {person.status === "invited" ? (
                        <p className="mt-1 text-xs text-gray-600">
                          {person.invitationExpiresAt ? `Link valid until ${when.format(person.invitationExpiresAt)}` : "No open link"}
                        </p>
                      ) : null}
                    </td>
                    <td className="px-4 py-3 text-gray-700">{person.lastSignInAt ? when.format(person.lastSignInAt) : "Never"}</td>
                    <td className="space-y-2 px-4 py-3">
                      {/* The status form stays mounted across deactivate/reactivate, so its message survives the refresh. */}
                      {person.status !== "invited" && !self ? (
                        <ActionForm
                          key="status"
                          action={setStatusAction}
                          hidden={{ userId: person.id, status: person.status === "active" ? "deactivated" : "active" }}
                          label={person.status === "active" ? "Deactivate" : "Reactivate"}
                          variant={person.status === "active" ? "danger" : "secondary"}
                        />
                      ) : null}
                      {person.status === "active" ? (
                        <ActionForm key="reset" action={issueResetAction} hidden={{ userId: person.id }} label="Password reset link" />
                      ) : null}
                      {person.status === "invited" ? (
                        <>
                          <ActionForm key="resend" action={resendInvitationAction} hidden={{ userId: person.id }} label="New invitation link" />
                          {person.invitationExpiresAt ? (
                            <ActionForm key="revoke" action={revokeInvitationAction} hidden={{ userId: person.id }} label="Revoke invitation" variant="danger" />
                          ) : null}
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {people.length === 0 ? <p className="p-4 text-gray-700">No account matches.</p> : null}
        </div>
        <Pager page={filter.page} pages={pages} href={pageHref} />
      </section>
    </div>
  );
}
