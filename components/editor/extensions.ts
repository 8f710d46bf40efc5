import { mergeAttributes, Node, type Extensions } from "@tiptap/core";
import { Link } from "@tiptap/extension-link";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import type { Node as PMNode } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";
import { mediaIdFromUrl, mediaSrcSet, mediaUrl } from "../../lib/media/urls";
import { PasteCleanup } from "./paste";

/** Links a reader may follow: web, mail and same-site links. Nothing that runs script. */
export const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

/**
 * What an atom contributes to the story's plain text (search, word count, reading time):
 * the same in the editor's live count and on the server.
 */
export const leafText = (leaf: PMNode): string =>
  leaf.type.name === "image"
    ? [leaf.attrs.caption, leaf.attrs.credit].filter(Boolean).join(" ")
    : leaf.type.name === "speakerCard"
      ? `${String(leaf.attrs.name)}, ${String(leaf.attrs.title)}: ${String(leaf.attrs.quote)}`
      : leaf.type.name === "hardBreak"
        ? "\n"
        : "";

/** The plain text of a document or of a part of it, blocks apart by a blank line. */
export const plainTextOf = (node: PMNode, from = 0, to = node.content.size): string =>
  node.textBetween(from, to, "\n\n", leafText);

const HONORIFIC = /^(mr|mrs|ms|miss|dr|prof|h\.?e)\.?$/i;

const textOf = (el: HTMLElement, selector: string) =>
  el.querySelector(selector)?.textContent?.trim() ?? "";

/**
 * A statement by a named person, as in the reference issue's speaker section: photo,
 * name, title and quote. An atom: edited as a whole, rendered from its attributes.
 */
export const SpeakerCard = Node.create({
  name: "speakerCard",
  group: "block",
  atom: true,
  draggable: true,

  addAttributes() {
    return {
      name: { default: "", rendered: false },
      title: { default: "", rendered: false },
      quote: { default: "", rendered: false },
      photo: { default: null, rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: "figure[data-speaker-card]",
        getAttrs: (el) => ({
          name: textOf(el, ".speaker-name"),
          title: textOf(el, ".speaker-title"),
          quote: textOf(el, ".speaker-quote"),
          photo: el.querySelector("img")?.getAttribute("src") ?? null,
        }),
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { name, title, quote, photo } = node.attrs as {
      name: string;
      title: string;
      quote: string;
      photo: string | null;
    };
    const initials = name
      .split(/\s+/)
      .filter((part) => part && !HONORIFIC.test(part))
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase() ?? "")
      .join("");
    const portrait =
      photo && mediaIdFromUrl(photo)
        ? ["img", { class: "speaker-photo", src: photo, alt: `Portrait of ${name}` }]
        : ["span", { class: "speaker-photo speaker-initials", "aria-hidden": "true" }, initials];
    return [
      "figure",
      mergeAttributes(HTMLAttributes, { class: "speaker-card", "data-speaker-card": "" }),
      portrait,
      [
        "figcaption",
        { class: "speaker-caption" },
        ["span", { class: "speaker-name" }, name],
        ["span", { class: "speaker-title" }, title],
      ],
      ["blockquote", { class: "speaker-quote" }, ["p", {}, quote]],
    ];
  },
});

export interface ImageAttrs {
  src: string;
  mediaId: string | null;
  alt: string;
  caption: string;
  credit: string;
  width: number | null;
  height: number | null;
}

/** How wide the reader's column shows an image, so the browser picks the right variant. */
export const IMAGE_SIZES = "(min-width: 48rem) 42rem, 100vw";

const dimension = (value: string | null | undefined) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
};

/** Only our own stored images become image nodes; anything else in pasted HTML is left out. */
const imageAttrsFrom = (img: Element | null, figure?: HTMLElement) => {
  const src = img?.getAttribute("src") ?? "";
  const mediaId = mediaIdFromUrl(src);
  if (!img || !mediaId) return false;
  const credit = figure?.querySelector("figcaption .credit")?.textContent?.trim() ?? "";
  const captionEl = figure?.querySelector("figcaption")?.cloneNode(true) as HTMLElement | undefined;
  captionEl?.querySelector(".credit")?.remove();
  return {
    src,
    mediaId,
    alt: img.getAttribute("alt") ?? "",
    caption: captionEl?.textContent?.trim() ?? "",
    credit,
    width: dimension(img.getAttribute("width")),
    height: dimension(img.getAttribute("height")),
  };
};

/**
 * A photo from the media library with its alt text, caption and credit. An atom, edited
 * through its form; the reader gets every stored width in srcset.
 */
export const StoryImage = Node.create({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,

  addAttributes() {
    return {
      src: { default: "", rendered: false },
      mediaId: { default: null, rendered: false },
      alt: { default: "", rendered: false },
      caption: { default: "", rendered: false },
      credit: { default: "", rendered: false },
      width: { default: null, rendered: false },
      height: { default: null, rendered: false },
    };
  },

  parseHTML() {
    return [
      { tag: "figure.story-image", getAttrs: (el) => imageAttrsFrom(el.querySelector("img"), el) },
      { tag: "img[src]", getAttrs: (el) => imageAttrsFrom(el) },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { src, alt, caption, credit, width, height } = node.attrs as ImageAttrs;
    const id = mediaIdFromUrl(src);
    const img = [
      "img",
      {
        src: id ? mediaUrl(id) : src,
        ...(id ? { srcset: mediaSrcSet(id), sizes: IMAGE_SIZES } : {}),
        alt,
        ...(width ? { width: String(width) } : {}),
        ...(height ? { height: String(height) } : {}),
        loading: "lazy",
      },
    ] as const;
    const figcaption =
      caption || credit
        ? [
            [
              "figcaption",
              {},
              ...(caption ? [caption] : []),
              ...(caption && credit ? [" "] : []),
              ...(credit ? [["span", { class: "credit" }, credit]] : []),
            ],
          ]
        : [];
    return ["figure", mergeAttributes(HTMLAttributes, { class: "story-image" }), img, ...figcaption];
  },
});

/** A plain table: the reader gets rows and cells, not the editor's column widths. */
const StoryTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    return ["table", mergeAttributes(this.options.HTMLAttributes, HTMLAttributes), ["tbody", 0]];
  },
}).configure({ resizable: false });

/**
 * A link is its address and nothing else: the target, class or title of a link pasted
 * from another page never reach a reader, and the renderer adds the same rel to every link.
 */
const StoryLink = Link.extend({
  addAttributes() {
    return { href: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute("href") } };
  },
}).configure({
  openOnClick: false,
  autolink: true,
  defaultProtocol: "https",
  protocols: ["http", "https", "mailto"],
  isAllowedUri: (url) => SAFE_HREF.test(url),
  HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
});

/**
 * The one extension list, shared by the editor in the browser and the HTML renderer on
 * the server, so that what an author sees and what a reader gets cannot disagree.
 */
export const storyExtensions: Extensions = [
  StarterKit.configure({ heading: { levels: [2, 3, 4] }, codeBlock: false, code: false, link: false }),
  StoryLink,
  SpeakerCard,
  StoryImage,
  StoryTable,
  TableRow,
  TableHeader,
  TableCell,
  PasteCleanup,
];
