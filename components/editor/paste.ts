import { Extension } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { mediaIdFromUrl } from "../../lib/media/urls";

/**
 * Unwraps every <form> in pasted HTML, keeping what is inside it. A form's fields shadow
 * the form's own DOM properties (a field named "nodeName" replaces form.nodeName), which
 * makes ProseMirror's parser throw and the whole paste vanish. Only DOM Range operations
 * touch the forms here, because any property read on a form may be one of its fields.
 */
export function unwrapPastedForms(html: string, doc: Document = document): string {
  if (!/<form/i.test(html)) return html;
  const template = doc.createElement("template");
  template.innerHTML = html;
  const range = doc.createRange();
  for (const form of Array.from(template.content.querySelectorAll("form"))) {
    range.selectNodeContents(form);
    const inside = range.extractContents();
    range.selectNode(form);
    range.deleteContents();
    range.insertNode(inside);
  }
  return template.innerHTML;
}

/** What a cleanup removed that an author would miss; styles and fonts go without a word. */
export interface PasteDropped {
  images: number;
  comments: number;
  embeds: number;
}

export interface CleanedHtml {
  html: string;
  dropped: PasteDropped;
}

/** Gone with everything inside: code, page furniture and things a story cannot hold. */
const REMOVE = new Set([
  "script", "style", "link", "meta", "title", "head", "noscript", "template", "xml",
  "button", "input", "select", "textarea", "option", "label", "datalist",
  "svg", "math", "canvas", "iframe", "frame", "object", "embed", "video", "audio", "source", "track",
  "colgroup", "col", "area", "map",
]);
const EMBEDS = new Set(["iframe", "frame", "object", "embed", "video", "audio"]);

/** Inline wrappers that only carry formatting: their text stays, the element goes. */
const UNWRAP = new Set(["span", "font", "small", "big", "abbr", "acronym", "cite", "mark", "ins", "center", "nobr", "bdi", "bdo", "time", "data", "sub", "sup", "kbd", "samp", "var", "tt", "dfn", "q", "label"]);

/** The attributes a story keeps; every other attribute (style, class, id, on*, data-*) goes. */
const KEEP_ATTRIBUTES: Record<string, string[]> = {
  a: ["href"],
  img: ["src", "alt", "width", "height"],
  figure: ["data-story-image"],
  ol: ["start"],
  td: ["colspan", "rowspan"],
  th: ["colspan", "rowspan"],
};

const styleOf = (el: Element) => (el.getAttribute("style") ?? "").toLowerCase().replace(/\s+/g, "");
const cssValue = (style: string, property: string) =>
  new RegExp(`(?:^|;)${property}:([^;]+)`).exec(style)?.[1] ?? null;

/** Google Docs and Word say bold with a weight, not a tag; 600 and up reads as bold. */
function isBoldWeight(value: string | null): boolean {
  if (!value) return false;
  if (value === "bold" || value === "bolder") return true;
  const n = Number(value);
  return Number.isFinite(n) && n >= 600;
}
const isNormalWeight = (value: string | null) => value === "normal" || value === "400" || value === "lighter";

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

function wrapChildren(el: Element, tag: string): void {
  const wrapper = el.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(el.childNodes));
  el.append(wrapper);
}

function removeComments(root: Node): void {
  const doc = root.ownerDocument ?? (root as Document);
  // 128 is NodeFilter.SHOW_COMMENT; the global NodeFilter does not exist on the server.
  const walker = doc.createTreeWalker(root, 128);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

const WORD_LIST = /mso-list:l(\d+)level(\d+)/;
const ORDERED_MARKER = /^\(?([0-9]+|[a-z]|[ivxlc]+)[.)]$/i;

/**
 * Word writes a list as paragraphs with mso-list styles and a typed marker ("1.", "·")
 * in a span marked mso-list:Ignore. Consecutive such paragraphs become a real list,
 * nested by their level; the marker decides between numbered and bullet.
 */
function rebuildWordLists(root: DocumentFragment): void {
  const doc = root.ownerDocument;
  const paragraphs = Array.from(root.querySelectorAll("p")).filter((p) => WORD_LIST.test(styleOf(p)));
  let stack: { list: Element; level: number }[] = [];
  let previous: Element | null = null;
  for (const p of paragraphs) {
    const [, , levelText] = WORD_LIST.exec(styleOf(p))!;
    const level = Number(levelText);
    const markerEl = Array.from(p.querySelectorAll("span")).find((s) => /mso-list:ignore/.test(styleOf(s)));
    const marker = (markerEl?.textContent ?? "").replace(/\u00a0/g, " ").trim();
    const tag = ORDERED_MARKER.test(marker) ? "ol" : "ul";
    markerEl?.remove();
    if (previous === null || previous.nextElementSibling !== p) stack = [];
    while (stack.length && stack[stack.length - 1]!.level > level) stack.pop();
    let top = stack[stack.length - 1];
    if (!top || top.level < level) {
      const list = doc.createElement(tag);
      if (top) (top.list.lastElementChild ?? top.list).append(list);
      else p.before(list);
      top = { list, level };
      stack.push(top);
    }
    const item = doc.createElement("li");
    const para = doc.createElement("p");
    para.append(...Array.from(p.childNodes));
    item.append(para);
    top.list.append(item);
    previous = p;
    // Keep the emptied paragraph in place until the next one is checked for adjacency.
    p.replaceChildren();
    p.setAttribute("data-word-list-done", "");
  }
  for (const p of Array.from(root.querySelectorAll("p[data-word-list-done]"))) {
    // A later list paragraph is adjacent when only emptied ones lie between: drop them now.
    p.remove();
  }
}

/** Turns formatting that Google Docs and Word carry in styles into the marks the story knows. */
function applyStyleEmphasis(el: Element): void {
  const style = styleOf(el);
  if (!style) return;
  const tag = el.tagName.toLowerCase();
  const weight = cssValue(style, "font-weight");
  if ((tag === "b" || tag === "strong") && isNormalWeight(weight)) {
    // Google Docs wraps a whole paste in <b style="font-weight:normal">: not bold at all.
    const span = el.ownerDocument.createElement("span");
    span.setAttribute("style", el.getAttribute("style") ?? "");
    span.append(...Array.from(el.childNodes));
    el.replaceWith(span);
    return;
  }
  if (tag !== "span" && tag !== "font") return;
  if (isBoldWeight(weight)) wrapChildren(el, "strong");
  if (cssValue(style, "font-style") === "italic") wrapChildren(el, "em");
  const decoration = `${cssValue(style, "text-decoration") ?? ""} ${cssValue(style, "text-decoration-line") ?? ""}`;
  // Links are underlined by every word processor; that underline is the link's, not the author's.
  if (decoration.includes("underline") && !el.closest("a")) wrapChildren(el, "u");
  if (decoration.includes("line-through")) wrapChildren(el, "s");
}

/**
 * An image already in our media store stays, as the figure the image node reads. A figure
 * is a block: it goes after the paragraph the image sat in (after the earlier ones).
 */
function moveIntoFigure(img: Element, figuresAfter: Map<Element, Element>): void {
  const figure = img.ownerDocument.createElement("figure");
  figure.setAttribute("data-story-image", "");
  const block = img.closest("p, h1, h2, h3, h4, h5, h6");
  if (block) {
    (figuresAfter.get(block) ?? block).after(figure);
    figuresAfter.set(block, figure);
  } else img.before(figure);
  figure.append(img);
}

/**
 * The address of an image as this site serves it. A browser copying from a page writes
 * every address out in full, so an image copied from this site's own reader pages comes
 * back as http(s)://this-site/media/…: that is still one of ours.
 */
function ownImagePath(src: string, doc: Document): string {
  const origin = doc.defaultView?.location.origin;
  return origin && origin !== "null" && src.startsWith(`${origin}/`) ? src.slice(origin.length) : src;
}

function isHidden(style: string): boolean {
  return /(?:^|;)(display:none|mso-hide:all|visibility:hidden)/.test(style);
}

function isBlank(el: Element): boolean {
  return (el.textContent ?? "").replace(/[\s\u00a0\u200b]/g, "") === "" && !el.querySelector("br,hr,table,img");
}

/**
 * Cleans HTML pasted from Word, Google Docs or a web page (and mammoth's output for a
 * .docx) down to what a story holds: headings, paragraphs, lists, links, tables, quotes
 * and emphasis. Styles, fonts, classes, scripts, comments and Office markup go. Images go
 * too and are counted, unless already in our media store: a pasted image points at another
 * site or the author's disk, and only files uploaded through the media store may appear
 * in a story.
 * `doc` is the page's document in the browser and a happy-dom one on the server.
 */
export function cleanPastedHtml(html: string, doc: Document = document): CleanedHtml {
  const dropped: PasteDropped = { images: 0, comments: 0, embeds: 0 };
  const template = doc.createElement("template");
  template.innerHTML = unwrapPastedForms(html, doc);
  const root = template.content;

  removeComments(root);
  const figuresAfter = new Map<Element, Element>();
  for (const el of Array.from(root.querySelectorAll("*"))) {
    if (!root.contains(el)) continue;
    const style = styleOf(el);
    const cls = el.getAttribute("class") ?? "";
    if (/^(MsoComment|msocom)/i.test(cls) || /mso-element:comment/.test(style) || /^_?msocom/i.test(el.getAttribute("id") ?? "")) {
      if (/mso-element:comment-list/.test(style)) dropped.comments += Array.from(el.children).filter((c) => /mso-element:comment($|;)/.test(styleOf(c))).length;
      el.remove();
    } else if (/mso-element:(footnote|endnote)-list/.test(style) || isHidden(style)) {
      el.remove();
    }
  }
  rebuildWordLists(root);

  for (const el of Array.from(root.querySelectorAll("*"))) {
    if (!root.contains(el)) continue;
    const tag = el.tagName.toLowerCase();
    if (tag.includes(":") || REMOVE.has(tag)) {
      // Office's own tags (<o:p>, <v:shape>, <w:sdt>) carry no text a reader should see.
      if (EMBEDS.has(tag)) dropped.embeds++;
      el.remove();
    } else if (tag === "img") {
      const src = ownImagePath(el.getAttribute("src") ?? "", doc);
      if (mediaIdFromUrl(src)) {
        el.setAttribute("src", src);
        moveIntoFigure(el, figuresAfter);
      } else {
        dropped.images++;
        el.remove();
      }
    } else if (/mso-list:ignore/.test(styleOf(el))) {
      el.remove();
    } else {
      applyStyleEmphasis(el);
    }
  }

  for (const el of Array.from(root.querySelectorAll("*"))) {
    if (!root.contains(el)) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === "h1") el.replaceWith(renamed(el, "h2"));
    else if (tag === "h5" || tag === "h6") el.replaceWith(renamed(el, "h4"));
    // Word's bookmarks are anchors without an address; the schema judges the addresses.
    else if (tag === "a" && !el.getAttribute("href")) unwrap(el);
  }

  for (const el of Array.from(root.querySelectorAll("*"))) {
    const tag = el.tagName.toLowerCase();
    const keep = KEEP_ATTRIBUTES[tag] ?? [];
    for (const name of el.getAttributeNames()) if (!keep.includes(name)) el.removeAttribute(name);
  }
  for (const figure of Array.from(root.querySelectorAll("figure[data-story-image]"))) {
    figure.removeAttribute("data-story-image");
    figure.setAttribute("class", "story-image");
  }
  for (const el of Array.from(root.querySelectorAll("*")).reverse()) {
    if (UNWRAP.has(el.tagName.toLowerCase())) unwrap(el);
  }
  // Word separates paragraphs with empty ones; a story uses spacing for that.
  for (const el of Array.from(root.querySelectorAll("p, h2, h3, h4, strong, em, b, i, u, s, a")).reverse()) {
    if (isBlank(el)) el.remove();
  }
  for (const list of Array.from(root.querySelectorAll("ul, ol")).reverse()) if (!list.querySelector("li")) list.remove();
  root.normalize();
  return { html: template.innerHTML.trim(), dropped };
}

function renamed(el: Element, tag: string): Element {
  const copy = el.ownerDocument.createElement(tag);
  copy.append(...Array.from(el.childNodes));
  return copy;
}

/** Short sentences for an author about what did not come across. */
export function describeDropped(dropped: PasteDropped, noun = "pasted"): string[] {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return [
    dropped.images ? `${plural(dropped.images, "image")} not ${noun}: add ${dropped.images === 1 ? "it" : "them"} with the image button.` : "",
    dropped.embeds ? `${plural(dropped.embeds, "embedded video or frame")} removed.` : "",
    dropped.comments ? `${plural(dropped.comments, "comment")} removed.` : "",
  ].filter(Boolean);
}

/**
 * Shows, under the editor, what the last paste left out. A plugin view owns the element,
 * so the notice needs nothing from the page the editor sits in.
 */
class PasteNotice {
  readonly element: HTMLElement;
  constructor(view: EditorView) {
    this.element = view.dom.ownerDocument.createElement("p");
    this.element.setAttribute("role", "status");
    this.element.setAttribute("data-paste-notice", "");
    this.element.className = "px-4 pb-3 text-sm text-amber-800 empty:hidden";
    view.dom.after(this.element);
  }
  show(lines: string[]): void {
    this.element.textContent = lines.join(" ");
  }
  destroy(): void {
    this.element.remove();
  }
}

export const PasteCleanup = Extension.create({
  name: "pasteCleanup",
  addProseMirrorPlugins() {
    let notice: PasteNotice | null = null;
    return [
      new Plugin({
        view: (view) => {
          notice = new PasteNotice(view);
          return notice;
        },
        props: {
          transformPastedHTML: (html) => {
            // Copied from an editor like this one: already in schema terms, captions and all.
            if (/<[^>]+data-pm-slice=/.test(html)) return unwrapPastedForms(html);
            const cleaned = cleanPastedHtml(html);
            notice?.show(describeDropped(cleaned.dropped));
            return cleaned.html;
          },
        },
      }),
    ];
  },
});
