import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text, render } from "@react-email/components";
import type { CSSProperties } from "react";
import { formatIssueDate } from "../../components/reader/format";
import type { PublishedIssue, PublishedStory } from "../../db/queries/published";
import type { SiteSettings } from "../../db/queries/settings";
import type { FallbackFormat } from "../media/urls";
import { COLORS, EMAIL_WIDTH, FONT_CJK, FONT_SANS, FONT_SERIF } from "./email-theme";
import { blocks, parseStoryHtml } from "./story-blocks";

export interface EmailEditionSource {
  settings: SiteSettings;
  issue: PublishedIssue;
  stories: PublishedStory[];
  /** The site's public origin (siteUrl(), from AUTH_URL), e.g. "https://news.example.org". */
  siteUrl: string;
  /** JPEG or PNG, per image id (lib/media/fallback-images.ts prepareFallbacks); JPEG if not named. */
  imageFormats?: ReadonlyMap<string, FallbackFormat>;
}

export interface EmailEdition {
  subject: string;
  html: string;
  text: string;
  /** A file name for the downloaded HTML. */
  fileName: string;
  /** Where the issue is read on the web. */
  webUrl: string;
}

const subjectOf = (settings: SiteSettings, issue: PublishedIssue) => `${settings.newsletterName} — ${issue.title}`;
const issueUrl = (siteUrl: string, issue: PublishedIssue) => `${siteUrl}/issues/${issue.slug}`;
const storyUrl = (siteUrl: string, issue: PublishedIssue, story: PublishedStory) => `${issueUrl(siteUrl, issue)}/${story.slug}`;

const small: CSSProperties = { fontFamily: FONT_SANS, fontSize: "13px", lineHeight: "20px", color: COLORS.muted, margin: 0 };
const linkStyle: CSSProperties = { color: COLORS.link, textDecoration: "underline" };

/** Lines of a settings block (the contact block keeps its line breaks, as on the site). */
function lines(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .flatMap((line, i) => (i === 0 ? [line] : [<br key={i} />, line]));
}

function numbered(issue: PublishedIssue) {
  const label = `Issue ${issue.number}, ${issue.year}`;
  return issue.title === label ? formatIssueDate(issue.issueDate) : `${label} · ${formatIssueDate(issue.issueDate)}`;
}

/**
 * The whole issue as one mail: tables for layout and every style inline, so that it reads
 * the same in Gmail, Outlook and Apple Mail; every address absolute; no script, no
 * stylesheet, no web font.
 */
export function IssueEmail({ settings, issue, stories, siteUrl, imageFormats }: EmailEditionSource) {
  const webUrl = issueUrl(siteUrl, issue);
  const preview = issue.editorsNote || stories.map((s) => s.title).join(" · ");
  const subject = subjectOf(settings, issue);
  const lang = settings.defaultLocale || "en";
  return (
    <Html lang={lang} dir="ltr">
      <Head>
        <title>{subject}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ margin: 0, padding: "24px 0", backgroundColor: COLORS.page }}>
        {/* Screen readers in webmail announce the mail as one article, named by its subject. */}
        <div role="article" aria-roledescription="email" aria-label={subject} lang={lang} dir="ltr">
          <Container width={EMAIL_WIDTH} style={{ width: "100%", maxWidth: `${EMAIL_WIDTH}px`, backgroundColor: COLORS.paper }}>
            <Section style={{ borderTop: `4px solid ${COLORS.brand}`, padding: "28px 24px 20px", textAlign: "center" }}>
              {settings.siteNameZh ? (
                <Text lang="zh-CN" style={{ fontFamily: FONT_CJK, fontSize: "20px", lineHeight: "28px", fontWeight: 700, color: COLORS.brandDark, margin: 0 }}>
                  {settings.siteNameZh}
                </Text>
              ) : null}
              <Text style={{ fontFamily: FONT_SERIF, fontSize: "18px", lineHeight: "26px", fontWeight: 700, color: COLORS.ink, margin: "4px 0 0" }}>
                <Link href={`${siteUrl}/`} style={{ color: COLORS.ink, textDecoration: "none" }}>
                  {settings.siteNameEn}
                </Link>
              </Text>
              <Text style={{ ...small, fontSize: "12px", fontWeight: 700, letterSpacing: "3px", textTransform: "uppercase", color: COLORS.brand, margin: "6px 0 0" }}>
                {settings.newsletterName}
              </Text>
            </Section>

            <Section style={{ padding: "8px 24px 0", textAlign: "center" }}>
              <Heading as="h1" style={{ fontFamily: FONT_SERIF, fontSize: "28px", lineHeight: "36px", fontWeight: 700, color: COLORS.ink, margin: "0" }}>
                {issue.title}
              </Heading>
              <Text style={{ ...small, textTransform: "uppercase", letterSpacing: "1px", margin: "6px 0 0" }}>{numbered(issue)}</Text>
              <Text style={{ ...small, margin: "10px 0 0" }}>
                <Link href={webUrl} style={linkStyle}>
                  Read this issue on the web
                </Link>
              </Text>
              {issue.editorsNote ? (
                <Text style={{ fontFamily: FONT_SERIF, fontSize: "17px", lineHeight: "27px", fontStyle: "italic", color: COLORS.muted, margin: "20px 0 0" }}>
                  {issue.editorsNote}
                </Text>
              ) : null}
            </Section>

            {stories.length > 1 ? (
              <Section style={{ padding: "20px 24px 0" }}>
                <Text style={{ ...small, fontWeight: 700, textTransform: "uppercase", letterSpacing: "1px", margin: "0 0 6px" }}>In this issue</Text>
                <ol style={{ margin: 0, padding: "0 0 0 22px" }}>
                  {stories.map((story) => (
                    <li key={story.slug} style={{ fontFamily: FONT_SANS, fontSize: "15px", lineHeight: "23px", color: COLORS.ink }}>
                      <Link href={storyUrl(siteUrl, issue, story)} style={linkStyle}>
                        {story.title}
                      </Link>
                    </li>
                  ))}
                </ol>
              </Section>
            ) : null}

            {stories.map((story) => {
              const url = storyUrl(siteUrl, issue, story);
              return (
                <Section key={story.slug} style={{ padding: "8px 24px 0" }}>
                  <Hr style={{ borderTop: `1px solid ${COLORS.rule}`, margin: "24px 0" }} />
                  <Heading as="h2" style={{ fontFamily: FONT_SERIF, fontSize: "25px", lineHeight: "33px", fontWeight: 700, color: COLORS.ink, margin: 0 }}>
                    <Link href={url} style={{ color: COLORS.ink, textDecoration: "none" }}>
                      {story.title}
                    </Link>
                  </Heading>
                  {story.standfirst ? (
                    <Text style={{ fontFamily: FONT_SERIF, fontSize: "18px", lineHeight: "27px", color: COLORS.muted, margin: "10px 0 0" }}>{story.standfirst}</Text>
                  ) : null}
                  <Text style={{ ...small, margin: "8px 0 20px" }}>{`By ${story.authorName}`}</Text>
                  {blocks(parseStoryHtml(story.html), { siteUrl, pageUrl: url, imageFormats })}
                  <Text style={{ ...small, margin: "4px 0 0" }}>
                    {"Read on the web: "}
                    <Link href={url} style={linkStyle}>
                      {url}
                    </Link>
                  </Text>
                </Section>
              );
            })}

            <Section style={{ padding: "32px 24px 28px" }}>
              <Hr style={{ borderTop: `1px solid ${COLORS.rule}`, margin: "0 0 20px" }} />
              {settings.contactBlock ? (
                <>
                  <Text style={{ ...small, fontWeight: 700, color: COLORS.ink }}>Contact</Text>
                  <Text style={{ ...small, margin: "4px 0 16px" }}>{lines(settings.contactBlock)}</Text>
                </>
              ) : null}
              {settings.aboutBlock ? (
                <>
                  <Text style={{ ...small, fontWeight: 700, color: COLORS.ink }}>{`About ${settings.siteNameEn}`}</Text>
                  <Text style={{ ...small, margin: "4px 0 16px" }}>{settings.aboutBlock}</Text>
                </>
              ) : null}
              <Text style={small}>
                {`${settings.newsletterName}, ${issue.title}: `}
                <Link href={webUrl} style={linkStyle}>
                  {webUrl}
                </Link>
              </Text>
            </Section>
          </Container>
        </div>
      </Body>
    </Html>
  );
}

/** Renders the email edition: the HTML and its plain-text part. */
export async function buildEmailEdition(source: EmailEditionSource): Promise<EmailEdition> {
  const element = <IssueEmail {...source} />;
  const [rendered, text] = await Promise.all([
    render(element),
    render(element, {
      plainText: true,
      htmlToTextOptions: {
        wordwrap: false,
        selectors: [
          { selector: "a", options: { linkBrackets: ["<", ">"], hideLinkHrefIfSameAsText: true } },
          { selector: "h1", options: { uppercase: false } },
          { selector: "h2", options: { uppercase: false } },
          { selector: "h3", options: { uppercase: false } },
          { selector: "h4", options: { uppercase: false } },
          { selector: "table", format: "block" },
        ],
      },
    }),
  ]);
  // React's server renderer hints the browser to fetch every <img> early with a
  // <link rel="preload"> in the head: of no use in a mail, and a mail carries no <link>.
  const html = rendered.replace(/<link rel="preload" as="image"[^>]*>/g, "");
  return {
    subject: subjectOf(source.settings, source.issue),
    html,
    text,
    fileName: `${source.issue.slug}-email.html`,
    webUrl: issueUrl(source.siteUrl, source.issue),
  };
}
