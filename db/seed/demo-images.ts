import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import sharp from "sharp";
import { mediaUrl } from "../../lib/media/urls";

/*
 * Pictures for the demo issue, drawn here in code: no photograph, no file from outside.
 * Each speaker card gets a placeholder portrait (an abstract head-and-shoulders figure,
 * coloured by the speaker's place in the issue, its details picked from a hash of the
 * name), and the lead story's image slot gets an illustration of the online meeting
 * (delegates at a table facing a screen of six video tiles). The SVGs use no text, so no
 * font on the machine changes them; sharp rasterises them to PNG (the same bytes on every
 * run with the same sharp), and the seed stores them through the media pipeline like any
 * upload, inside its transaction.
 */

/** The `src` of the image node in demo-content.ts that the meeting illustration fills. */
export const MEETING_IMAGE_SLOT = "demo:meeting-illustration";

export const DEMO_CREDIT = "Illustration: Newsletter Studio demo";

const PORTRAIT_SIZE = 480;
const MEETING_WIDTH = 1600;
const MEETING_HEIGHT = 900;

export interface DemoPicture {
  /** `portrait:<speaker name>`, or the image slot it fills. */
  key: string;
  filename: string;
  alt: string;
  caption: string;
  credit: string;
  bytes: Buffer;
}

export interface StoredPicture {
  id: string;
  width: number;
  height: number;
}

const portraitKey = (name: string) => `portrait:${name}`;

/** A stable number in [0, 1) for a name and a purpose: the same speaker always looks the same. */
function unit(name: string, purpose: string): number {
  return createHash("sha256").update(`${purpose}:${name}`).digest().readUInt32BE(0) / 2 ** 32;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** "back" is a head seen from behind: all hair. */
type Hair = "none" | "short" | "parted" | "long" | "bun" | "back";
const HAIR: Hair[] = ["short", "parted", "long", "bun"];

interface Person {
  jacket: string;
  head: string;
  hair?: { style: Hair; colour: string };
  collar?: string;
}

/** A head-and-shoulders figure; `x`, `y` is the centre of the head, `r` its radius. */
function figure(x: number, y: number, r: number, person: Person): string {
  const w = r * 2.6; // half the width of the shoulders
  const top = y + r * 1.35;
  const bottom = y + r * 5; // below the frame
  const shoulders =
    `M${round(x - w)} ${round(bottom)} L${round(x - w)} ${round(top + r * 1.1)} ` +
    `Q${round(x - w)} ${round(top)} ${round(x - w + r * 1.2)} ${round(top)} ` +
    `L${round(x + w - r * 1.2)} ${round(top)} Q${round(x + w)} ${round(top)} ${round(x + w)} ${round(top + r * 1.1)} ` +
    `L${round(x + w)} ${round(bottom)} Z`;
  const neck = `<rect x="${round(x - r * 0.45)}" y="${round(y + r * 0.6)}" width="${round(r * 0.9)}" height="${round(r * 0.95)}" fill="${person.head}"/>`;
  const vee = person.collar
    ? `<path d="M${round(x - r * 0.62)} ${round(top)} L${round(x)} ${round(top + r * 1.05)} L${round(x + r * 0.62)} ${round(top)} Z" fill="${person.collar}"/>`
    : "";
  const { style, colour } = person.hair ?? { style: "none", colour: "" };
  const behind =
    style === "long"
      ? `<rect x="${round(x - r * 1.12)}" y="${round(y - r * 0.6)}" width="${round(r * 2.24)}" height="${round(r * 2.3)}" rx="${round(r * 0.9)}" fill="${colour}"/>`
      : "";
  // A cap over the top of the head with a fringe; "parted" sweeps it to one side.
  const fringe =
    style === "parted"
      ? `Q${round(x + r * 0.7)} ${round(y - r * 0.1)} ${round(x - r * 0.15)} ${round(y - r * 0.45)} Q${round(x - r * 0.75)} ${round(y - r * 0.4)}`
      : `Q${round(x + r * 0.9)} ${round(y - r * 0.45)} ${round(x + r * 0.1)} ${round(y - r * 0.4)} Q${round(x - r * 0.75)} ${round(y - r * 0.35)}`;
  const cap =
    style === "none"
      ? ""
      : style === "back"
      ? `<circle cx="${round(x)}" cy="${round(y)}" r="${round(r * 1.02)}" fill="${colour}"/>`
      : `<path d="M${round(x - r * 1.04)} ${round(y + r * 0.05)} A${round(r * 1.05)} ${round(r * 1.05)} 0 1 1 ${round(x + r * 1.04)} ${round(y + r * 0.05)} ` +
        `${fringe} ${round(x - r * 1.04)} ${round(y + r * 0.05)} Z" fill="${colour}"/>` +
        (style === "bun" ? `<circle cx="${round(x)}" cy="${round(y - r * 1.15)}" r="${round(r * 0.42)}" fill="${colour}"/>` : "");
  return (
    `${behind}${neck}<path d="${shoulders}" fill="${person.jacket}"/>${vee}` +
    `<circle cx="${round(x)}" cy="${round(y)}" r="${round(r)}" fill="${person.head}"/>${cap}`
  );
}

/** Background and jacket colours for the portraits, far enough apart to tell the cards apart. */
const PALETTE = [
  { hue: 158, jacket: "#2f4858" },
  { hue: 205, jacket: "#5a3e36" },
  { hue: 32, jacket: "#2e4a62" },
  { hue: 268, jacket: "#35524a" },
  { hue: 350, jacket: "#3b4a6b" },
  { hue: 90, jacket: "#4a3b5c" },
  { hue: 185, jacket: "#6b3b3b" },
  { hue: 235, jacket: "#4d5a2f" },
];

const SKIN = ["#f3e3d3", "#e8c9a8", "#d7ab86", "#b98561", "#8d5f43"];
const HAIR_COLOURS = ["#2b2622", "#3a302a", "#4b3b30", "#5e5750"];

/**
 * A square placeholder portrait. `index` (the speaker's place in the issue) picks the
 * colours, so neighbouring cards differ; the name picks the figure's details.
 */
export function portraitSvg(name: string, index: number): string {
  const { hue, jacket } = PALETTE[index % PALETTE.length] ?? { hue: 158, jacket: "#2f4858" };
  const pick = <T>(list: T[], purpose: string): T => list[Math.floor(unit(name, purpose) * list.length)] ?? list[0]!;
  const s = PORTRAIT_SIZE;
  const headY = s * (0.4 + unit(name, "height") * 0.03);
  const headR = s * (0.165 + unit(name, "head") * 0.015);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}">` +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">` +
    `<stop offset="0" stop-color="hsl(${hue}, 50%, 84%)"/><stop offset="1" stop-color="hsl(${hue}, 42%, 64%)"/>` +
    `</linearGradient></defs>` +
    `<rect width="${s}" height="${s}" fill="url(#bg)"/>` +
    `<circle cx="${s * 0.5}" cy="${round(headY)}" r="${round(headR * 2)}" fill="hsl(${hue}, 60%, 92%)" opacity="0.5"/>` +
    figure(s * 0.5, headY, headR, {
      jacket,
      head: pick(SKIN, "skin"),
      hair: { style: pick(HAIR, "hair"), colour: pick(HAIR_COLOURS, "hair colour") },
      collar: "#ffffff",
    }) +
    `</svg>`
  );
}

/** The meeting: delegates round a table, facing a wall screen of six video tiles (six countries, online). */
export function meetingSvg(): string {
  const W = MEETING_WIDTH;
  const H = MEETING_HEIGHT;
  const person = (i: number, jacket: string): Person => ({
    jacket,
    head: SKIN[(i * 2) % SKIN.length] ?? "",
    hair: { style: HAIR[i % HAIR.length] ?? "short", colour: HAIR_COLOURS[i % HAIR_COLOURS.length] ?? "" },
    collar: "#ffffff",
  });
  const tileColours = [160, 200, 25, 345, 265, 95];
  const tiles = tileColours
    .map((hue, i) => {
      const x = 470 + (i % 3) * 225;
      const y = 110 + Math.floor(i / 3) * 150;
      return (
        `<rect x="${x}" y="${y}" width="210" height="135" rx="6" fill="hsl(${hue}, 45%, 72%)"/>` +
        `<clipPath id="t${i}"><rect x="${x}" y="${y}" width="210" height="135" rx="6"/></clipPath>` +
        `<g clip-path="url(#t${i})">${figure(x + 105, y + 58, 24, person(i, `hsl(${(hue + 190) % 360}, 30%, 32%)`))}</g>`
      );
    })
    .join("");
  // Seated delegates: a back row behind the table, and two near the viewer on the sides.
  const jackets = ["#1f6f55", "#2f4858", "#7a4e3a", "#3d5a80", "#5b4a72", "#185a45", "#4a4e69"];
  const backRow = [430, 590, 750, 910, 1070, 1230]
    .map((x, i) => figure(x, 478 + (i % 2) * 6, 34, person(i + 3, jackets[i] ?? "#2f4858")))
    .join("");
  const laptops = [430, 590, 750, 910, 1070, 1230]
    .map((x) => `<path d="M${x - 42} 612 L${x + 42} 612 L${x + 54} 630 L${x - 54} 630 Z" fill="#c9d3d0"/><rect x="${x - 36}" y="578" width="72" height="36" rx="3" fill="#8fa39c"/>`)
    .join("");
  const cups = [510, 830, 1150].map((x) => `<rect x="${x}" y="600" width="18" height="24" rx="3" fill="#ffffff"/>`).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
    `<defs>` +
    `<linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#e7f1ec"/><stop offset="1" stop-color="#cfe3d9"/></linearGradient>` +
    `<linearGradient id="table" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8a6a4f"/><stop offset="1" stop-color="#6b4f3a"/></linearGradient>` +
    `</defs>` +
    `<rect width="${W}" height="${H}" fill="url(#wall)"/>` +
    `<rect y="640" width="${W}" height="${H - 640}" fill="#b7cfc3"/>` +
    // A window of river and hills at the left, a plant at the right.
    `<rect x="80" y="90" width="280" height="330" rx="8" fill="#f7fbf9"/>` +
    `<rect x="96" y="106" width="248" height="298" rx="4" fill="#bfe0ef"/>` +
    `<path d="M96 300 Q170 230 240 280 T344 250 L344 404 L96 404 Z" fill="#7fb89a"/>` +
    `<path d="M96 360 Q200 330 344 370 L344 404 L96 404 Z" fill="#4f9fc4"/>` +
    `<rect x="1330" y="430" width="80" height="90" rx="10" fill="#6b4f3a"/>` +
    `<ellipse cx="1370" cy="400" rx="70" ry="80" fill="#2f8a63"/><ellipse cx="1330" cy="430" rx="40" ry="50" fill="#1f6f55"/>` +
    // The screen with the video call.
    `<rect x="450" y="90" width="700" height="330" rx="12" fill="#1c2321"/>` +
    tiles +
    `<rect x="760" y="420" width="80" height="40" fill="#1c2321"/>` +
    backRow +
    // The table, in perspective, with laptops and cups.
    `<path d="M300 560 L1300 560 L1470 760 L130 760 Z" fill="url(#table)"/>` +
    `<path d="M130 760 L1470 760 L1470 785 L130 785 Z" fill="#55402f"/>` +
    laptops +
    cups +
    // Two delegates near the viewer, seen from behind.
    figure(330, 770, 48, { jacket: "#2f4858", head: SKIN[1] ?? "", hair: { style: "back", colour: "#3a302a" } }) +
    figure(1270, 770, 48, { jacket: "#1f6f55", head: SKIN[3] ?? "", hair: { style: "back", colour: "#2b2622" } }) +
    `</svg>`
  );
}

const speakerNames = (node: JSONContent): string[] =>
  node.type === "speakerCard" ? [String(node.attrs?.name ?? "")] : (node.content ?? []).flatMap(speakerNames);

const meetingSlots = (node: JSONContent): JSONContent[] =>
  node.type === "image" && node.attrs?.src === MEETING_IMAGE_SLOT ? [node] : (node.content ?? []).flatMap(meetingSlots);

const fileName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * Draws every picture the demo bodies need: one portrait per speaker named on a speaker
 * card, and the meeting illustration if a body has its slot (which gives its alt text,
 * caption and credit). Pure: touches no database.
 */
export async function drawDemoPictures(bodies: JSONContent[]): Promise<DemoPicture[]> {
  const names = [...new Set(bodies.flatMap(speakerNames))].filter(Boolean);
  const portraits = names.map(async (name, index) => ({
    key: portraitKey(name),
    filename: `portrait-${fileName(name)}.png`,
    alt: `Placeholder portrait of ${name}: an abstract head-and-shoulders figure`,
    caption: "",
    credit: DEMO_CREDIT,
    bytes: await sharp(Buffer.from(portraitSvg(name, index))).png({ compressionLevel: 6 }).toBuffer(),
  }));
  const pictures = await Promise.all(portraits);
  const [slot] = bodies.flatMap(meetingSlots);
  if (slot) {
    pictures.push({
      key: MEETING_IMAGE_SLOT,
      filename: "working-group-meeting-2022.png",
      alt: String(slot.attrs?.alt ?? ""),
      caption: String(slot.attrs?.caption ?? ""),
      credit: String(slot.attrs?.credit ?? DEMO_CREDIT),
      bytes: await sharp(Buffer.from(meetingSvg())).png({ compressionLevel: 6 }).toBuffer(),
    });
  }
  return pictures;
}

/**
 * The body with the stored pictures in place: each speaker card's `photo` is its
 * portrait's URL, the meeting slot becomes an image node of ours with its size.
 */
export function placeDemoPictures(node: JSONContent, stored: ReadonlyMap<string, StoredPicture>): JSONContent {
  if (node.type === "speakerCard") {
    const portrait = stored.get(portraitKey(String(node.attrs?.name ?? "")));
    return portrait ? { ...node, attrs: { ...node.attrs, photo: mediaUrl(portrait.id, 480) } } : node;
  }
  if (node.type === "image" && node.attrs?.src === MEETING_IMAGE_SLOT) {
    const picture = stored.get(MEETING_IMAGE_SLOT);
    if (!picture) throw new Error("demo-images: the meeting illustration was not stored");
    return {
      ...node,
      attrs: { ...node.attrs, src: mediaUrl(picture.id), mediaId: picture.id, width: picture.width, height: picture.height },
    };
  }
  return node.content ? { ...node, content: node.content.map((child) => placeDemoPictures(child, stored)) } : node;
}
