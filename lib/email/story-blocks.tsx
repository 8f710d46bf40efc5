import { getSchema } from "@tiptap/core";
import { DOMParser as ProseMirrorParser, type Mark, type Node as PMNode } from "@tiptap/pm/model";
import { Heading, Hr, Img, Link, Text } from "@react-email/components";
import { Window } from "happy-dom";
import { Fragment, type CSSProperties, type ReactNode } from "react";
import { storyExtensions } from "../../components/editor/extensions";
import { mediaFallbackUrl, mediaIdFromUrl, type FallbackFormat, type MediaWidth } from "../media/urls";
import { COLORS, CONTENT_WIDTH, FONT_SANS, FONT_SERIF } from "./email-theme";

const schema = getSchema(storyExtensions);

/**
 * A published story's HTML, read back through the editor's schema: only the nodes and
 * marks a story may hold come out, whatever the stored HTML says, and each is then drawn
 * as email markup below.
 */
export function parseStoryHtml(html: string): PMNode {
  const window = new Window();
  try {
    const body = window.document.createElement("div");
    body.innerHTML = html;
    return ProseMirrorParser.fromSchema(schema).parse(body as unknown as globalThis.Node);
  } finally {
    void window.happyDOM.close();
  }
}

/** Where links and images point from: the site's origin, and the page a "#…" link belongs to. */
export interface UrlContext {
  siteUrl: string;
  pageUrl: string;
  /** The format of each image's JPEG-or-PNG copy (lib/media/fallback-images.ts); JPEG if not named. */
  imageFormats?: ReadonlyMap<string, FallbackFormat>;
}

/**
 * An image of ours as a mail shows it: JPEG or PNG, never WebP, which desktop Outlook
 * and some other clients do not show.
 */
const imageUrl = (id: string, width: MediaWidth, urls: UrlContext) =>
  `${urls.siteUrl}${mediaFallbackUrl(id, width, urls.imageFormats?.get(id) ?? "jpg")}`;

/** The widths of our images a mail uses: story images, and speaker portraits. */
export const EMAIL_IMAGE_WIDTHS = [960, 480] as const satisfies readonly MediaWidth[];

/**
 * An address a mail client can follow on its own: http(s) and mailto as they are,
 * same-site paths on the site's origin, "#…" on the story's page. Anything else: null.
 */
export function absoluteUrl(href: string, { siteUrl, pageUrl }: UrlContext): string | null {
  const value = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(value)) return value;
  if (/^\/(?!\/)/.test(value)) return `${siteUrl}${value}`;
  if (value.startsWith("#")) return `${pageUrl}${value}`;
  return null;
}

const paragraph: CSSProperties = {
  fontFamily: FONT_SERIF,
  fontSize: "17px",
  lineHeight: "28px",
  color: COLORS.ink,
  margin: "0 0 18px",
};

const HEADING_STYLE: Record<number, CSSProperties> = {
  2: { fontSize: "22px", lineHeight: "30px", margin: "28px 0 12px" },
  3: { fontSize: "19px", lineHeight: "27px", margin: "24px 0 10px" },
  4: { fontSize: "17px", lineHeight: "25px", margin: "20px 0 8px" },
};

const cell: CSSProperties = {
  border: `1px solid ${COLORS.rule}`,
  padding: "6px 10px",
  fontFamily: FONT_SANS,
  fontSize: "14px",
  lineHeight: "20px",
  color: COLORS.ink,
  verticalAlign: "top",
  textAlign: "left",
};

const PORTRAIT = 72;

function wrapMark(mark: Mark, child: ReactNode, key: number, urls: UrlContext): ReactNode {
  switch (mark.type.name) {
    case "bold":
      return <strong key={key}>{child}</strong>;
    case "italic":
      return <em key={key}>{child}</em>;
    case "underline":
      return <u key={key}>{child}</u>;
    case "strike":
      return <s key={key}>{child}</s>;
    case "link": {
      const href = absoluteUrl(String(mark.attrs.href ?? ""), urls);
      return href ? (
        <Link key={key} href={href} style={{ color: COLORS.link, textDecoration: "underline" }}>
          {child}
        </Link>
      ) : (
        child
      );
    }
    default:
      return child;
  }
}

/** Inline content: text with its marks, and line breaks. */
function inline(node: PMNode, urls: UrlContext): ReactNode[] {
  const out: ReactNode[] = [];
  node.forEach((child, _offset, index) => {
    if (child.type.name === "hardBreak") {
      out.push(<br key={index} />);
      return;
    }
    if (!child.isText) return;
    // The first mark outermost, as ProseMirror's own serializer nests them.
    const marks = [...child.marks].reverse();
    out.push(marks.reduce<ReactNode>((inner, mark) => wrapMark(mark, inner, index, urls), child.text ?? ""));
  });
  return out;
}

function imageBlock(node: PMNode, key: number, urls: UrlContext): ReactNode {
  const id = mediaIdFromUrl(String(node.attrs.src ?? ""));
  if (!id) return null;
  const natural = Number(node.attrs.width) || 0;
  const naturalHeight = Number(node.attrs.height) || 0;
  // The 960 width, shown at most as wide as the column (and never wider than it is).
  const width = natural > 0 ? Math.min(natural, CONTENT_WIDTH) : CONTENT_WIDTH;
  const height = natural > 0 && naturalHeight > 0 ? Math.round((naturalHeight * width) / natural) : undefined;
  const caption = String(node.attrs.caption ?? "");
  const credit = String(node.attrs.credit ?? "");
  return (
    <table key={key} role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0} style={{ margin: "0 0 20px" }}>
      <tbody>
        <tr>
          <td>
            <Img
              src={imageUrl(id, 960, urls)}
              alt={String(node.attrs.alt ?? "")}
              width={width}
              height={height}
              style={{ width: "100%", maxWidth: `${width}px`, height: "auto" }}
            />
          </td>
        </tr>
        {caption || credit ? (
          <tr>
            <td style={{ fontFamily: FONT_SANS, fontSize: "13px", lineHeight: "19px", color: COLORS.muted, padding: "6px 0 0" }}>
              {caption && credit ? `${caption} ` : caption}
              {credit ? <span style={{ color: COLORS.faint }}>{credit}</span> : null}
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

const HONORIFIC = /^(mr|mrs|ms|miss|dr|prof|h\.?e)\.?$/i;
const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter((part) => part && !HONORIFIC.test(part))
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");

/** A speaker card as two columns: the portrait (or initials), then name, title and quote. */
function speakerCard(node: PMNode, key: number, urls: UrlContext): ReactNode {
  const name = String(node.attrs.name ?? "");
  const title = String(node.attrs.title ?? "");
  const quote = String(node.attrs.quote ?? "");
  const photo = typeof node.attrs.photo === "string" ? node.attrs.photo : "";
  const id = mediaIdFromUrl(photo);
  return (
    <table
      key={key}
      role="presentation"
      width="100%"
      cellPadding={0}
      cellSpacing={0}
      border={0}
      style={{ margin: "0 0 16px", borderTop: `1px solid ${COLORS.rule}` }}
    >
      <tbody>
        <tr>
          <td width={PORTRAIT + 16} valign="top" style={{ width: `${PORTRAIT + 16}px`, padding: "14px 16px 0 0", verticalAlign: "top" }}>
            {id ? (
              <Img
                src={imageUrl(id, 480, urls)}
                alt={`Portrait of ${name}`}
                width={PORTRAIT}
                height={PORTRAIT}
                style={{ width: `${PORTRAIT}px`, height: `${PORTRAIT}px`, borderRadius: `${PORTRAIT / 2}px` }}
              />
            ) : (
              <table role="presentation" cellPadding={0} cellSpacing={0} border={0}>
                <tbody>
                  <tr>
                    <td
                      width={PORTRAIT}
                      height={PORTRAIT}
                      align="center"
                      valign="middle"
                      aria-hidden="true"
                      style={{
                        width: `${PORTRAIT}px`,
                        height: `${PORTRAIT}px`,
                        borderRadius: `${PORTRAIT / 2}px`,
                        backgroundColor: COLORS.brandTint,
                        color: COLORS.brandDark,
                        fontFamily: FONT_SANS,
                        fontSize: "22px",
                        fontWeight: 700,
                      }}
                    >
                      {initialsOf(name)}
                    </td>
                  </tr>
                </tbody>
              </table>
            )}
          </td>
          <td valign="top" style={{ padding: "14px 0 0", verticalAlign: "top" }}>
            <p style={{ margin: 0, fontFamily: FONT_SANS, fontSize: "15px", lineHeight: "21px", fontWeight: 700, color: COLORS.ink }}>{name}</p>
            {title ? (
              <p style={{ margin: "2px 0 0", fontFamily: FONT_SANS, fontSize: "13px", lineHeight: "19px", color: COLORS.muted }}>{title}</p>
            ) : null}
            {quote ? (
              <p style={{ margin: "8px 0 0", fontFamily: FONT_SERIF, fontSize: "16px", lineHeight: "25px", fontStyle: "italic", color: COLORS.ink }}>
                {quote}
              </p>
            ) : null}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function tableBlock(node: PMNode, key: number, urls: UrlContext): ReactNode {
  const rows: ReactNode[] = [];
  node.forEach((row, _o, r) => {
    const cells: ReactNode[] = [];
    row.forEach((c, _oc, i) => {
      const header = c.type.name === "tableHeader";
      const Tag = header ? "th" : "td";
      const colspan = Number(c.attrs.colspan) > 1 ? Number(c.attrs.colspan) : undefined;
      const rowspan = Number(c.attrs.rowspan) > 1 ? Number(c.attrs.rowspan) : undefined;
      cells.push(
        <Tag
          key={i}
          colSpan={colspan}
          rowSpan={rowspan}
          {...(header ? { scope: "col" } : {})}
          style={{ ...cell, ...(header ? { backgroundColor: COLORS.brandTint, fontWeight: 700 } : {}) }}
        >
          {cellContent(c, urls)}
        </Tag>,
      );
    });
    rows.push(<tr key={r}>{cells}</tr>);
  });
  return (
    <table key={key} width="100%" cellPadding={0} cellSpacing={0} border={0} style={{ borderCollapse: "collapse", margin: "0 0 20px", width: "100%" }}>
      <tbody>{rows}</tbody>
    </table>
  );
}

/** A cell's paragraphs, separated by line breaks rather than paragraph margins. */
function cellContent(c: PMNode, urls: UrlContext): ReactNode[] {
  const out: ReactNode[] = [];
  c.forEach((child, _o, i) => {
    if (i > 0) out.push(<br key={`br${i}`} />);
    out.push(<Fragment key={i}>{child.isTextblock ? inline(child, urls) : blocks(child, urls, { tight: true })}</Fragment>);
  });
  return out;
}

function listBlock(node: PMNode, key: number, urls: UrlContext): ReactNode {
  const ordered = node.type.name === "orderedList";
  const Tag = ordered ? "ol" : "ul";
  const start = ordered && Number(node.attrs.start) > 1 ? Number(node.attrs.start) : undefined;
  const items: ReactNode[] = [];
  node.forEach((item, _o, i) => {
    items.push(
      <li key={i} style={{ ...paragraph, margin: "0 0 6px" }}>
        {blocks(item, urls, { tight: true })}
      </li>,
    );
  });
  return (
    <Tag key={key} start={start} style={{ margin: "0 0 18px", padding: "0 0 0 26px" }}>
      {items}
    </Tag>
  );
}

/** The block children of `node` as email markup. `tight`: inside a list item or cell. */
export function blocks(node: PMNode, urls: UrlContext, { tight = false } = {}): ReactNode[] {
  const out: ReactNode[] = [];
  node.forEach((child, _offset, index) => {
    switch (child.type.name) {
      case "paragraph":
        if (tight) out.push(<span key={index} style={{ display: "block" }}>{inline(child, urls)}</span>);
        else if (child.content.size > 0) out.push(<Text key={index} style={paragraph}>{inline(child, urls)}</Text>);
        break;
      case "heading": {
        const level = [2, 3, 4].includes(Number(child.attrs.level)) ? Number(child.attrs.level) : 2;
        out.push(
          <Heading key={index} as={`h${level}` as "h2" | "h3" | "h4"} style={{ fontFamily: FONT_SERIF, color: COLORS.ink, fontWeight: 700, ...HEADING_STYLE[level] }}>
            {inline(child, urls)}
          </Heading>,
        );
        break;
      }
      case "bulletList":
      case "orderedList":
        out.push(listBlock(child, index, urls));
        break;
      case "blockquote":
        out.push(
          <table key={index} role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0} style={{ margin: "0 0 18px" }}>
            <tbody>
              <tr>
                <td style={{ borderLeft: `3px solid ${COLORS.brand}`, padding: "2px 0 2px 16px", fontStyle: "italic" }}>{blocks(child, urls)}</td>
              </tr>
            </tbody>
          </table>,
        );
        break;
      case "horizontalRule":
        out.push(<Hr key={index} style={{ borderTop: `1px solid ${COLORS.rule}`, margin: "24px 0" }} />);
        break;
      case "image":
        out.push(imageBlock(child, index, urls));
        break;
      case "speakerCard":
        out.push(speakerCard(child, index, urls));
        break;
      case "table":
        out.push(tableBlock(child, index, urls));
        break;
      default:
        // Anything else the schema may learn later still shows its text.
        if (child.textContent) out.push(<Text key={index} style={paragraph}>{child.textContent}</Text>);
    }
  });
  return out;
}
