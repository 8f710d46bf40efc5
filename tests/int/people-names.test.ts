import { describe, expect, it } from "vitest";
import { getDatabase, processDialect } from "@/db/client";
import { insertUser } from "@/db/queries/users";
import { listAuditActors } from "@/db/queries/audit";
import { updateProfile } from "@/lib/people/profile";
import { listPeopleFor } from "@/lib/people/list-people";
import { makeUser } from "../support/factories";

// The same expectations run on SQLite and on Postgres (this file runs in both projects):
// search and order must agree between the engines, also outside ASCII.
const NAMES = ["ZHOU Jun", "李霞", "Émile Durand", "Ōsaka Haruto", "Đặng Thu"];

describe(`people's names on ${processDialect}`, async () => {
  const admin = await makeUser("admin"); // "Test admin"
  const { write } = await getDatabase();
  for (const name of NAMES) {
    await write((tx) => insertUser(tx, { email: `${name.length}-${crypto.randomUUID()}@example.org`, name, role: "contributor", passwordHash: null }));
  }
  const names = async (q?: string) => (await listPeopleFor(admin, { q })).people.map((p) => p.name);

  it("sort the same way on both engines: by the folded name, Latin before other scripts", async () => {
    expect(await names()).toEqual(["Đặng Thu", "Émile Durand", "Ōsaka Haruto", "Test admin", "ZHOU Jun", "李霞"]);
  });

  it.each([
    ["emile", ["Émile Durand"]],
    ["ÉMILE", ["Émile Durand"]],
    ["dang", ["Đặng Thu"]],
    ["ĐẶNG", ["Đặng Thu"]],
    ["Đặng thu", ["Đặng Thu"]],
    ["zhou", ["ZHOU Jun"]],
    ["Zhou JUN", ["ZHOU Jun"]],
    ["李", ["李霞"]],
    ["霞", ["李霞"]],
    ["osaka", ["Ōsaka Haruto"]],
    ["ŌSAKA", ["Ōsaka Haruto"]],
    ["u", ["Đặng Thu", "Émile Durand", "Ōsaka Haruto", "ZHOU Jun"]],
  ])("find %j case- and accent-insensitively", async (q, expected) => {
    expect(await names(q)).toEqual(expected);
  });

  it("keep the search key in step when a name changes", async () => {
    const person = await makeUser("reviewer");
    await updateProfile({ ...person, name: "Test reviewer" }, { name: "Nguyễn Văn Ánh" });
    expect(await names("nguyen van anh")).toEqual(["Nguyễn Văn Ánh"]);
    expect(await names("Test reviewer")).toEqual([]);
  });

  it("list the audit log's actors in the same order", async () => {
    const { db } = await getDatabase();
    const actors = (await listAuditActors(db)).map((a) => a.name).filter((n) => !n.startsWith("Test") && !n.startsWith("Nguy"));
    expect(actors).toEqual(["Đặng Thu", "Émile Durand", "Ōsaka Haruto", "ZHOU Jun", "李霞"]);
  });
});
