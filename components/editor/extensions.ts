import { mergeAttributes, Node, type Extensions } from "@tiptap/core";
import { Link } from "@tiptap/extension-link";
import StarterKit from "@tiptap/starter-kit";
import { StoryImage } from "./image-node";
import { PasteCleanup } from "./paste";

/** Links a reader may follow: web, mail and same-site links. Nothing that runs script. */
export const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

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
      photo && SAFE_HREF.test(photo)
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
  StarterKit.configure({ heading: { levels: [2, 3] }, codeBlock: false, code: false, link: false }),
  StoryLink,
  SpeakerCard,
  StoryImage,
  PasteCleanup,
];
