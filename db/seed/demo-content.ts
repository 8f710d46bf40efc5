import type { JSONContent } from "@tiptap/core";
import { DEMO_CREDIT, MEETING_IMAGE_SLOT } from "./demo-images";

/*
 * Demo content used to seed an empty database: LMEC's site settings and one
 * published demo issue modelled on the LMEC Newsletter, Issue 13, 2022.
 * Names, titles, dates and organisations follow the original issue; all prose
 * is written afresh for this project. The pictures are drawn at seed time
 * (demo-images.ts): speaker portraits are placeholders, not the speakers.
 */

// ---------------------------------------------------------------------------
// Small TipTap JSON helpers
// ---------------------------------------------------------------------------

type Inline = string | JSONContent;

function text(value: string, marks?: JSONContent["marks"]): JSONContent {
  if (value.length === 0) {
    throw new Error("demo-content: text nodes must not be empty");
  }
  return marks && marks.length > 0 ? { type: "text", text: value, marks } : { type: "text", text: value };
}

function toInline(part: Inline): JSONContent {
  return typeof part === "string" ? text(part) : part;
}

/** Italic text, used for the titles of documents such as strategies. */
function i(value: string): JSONContent {
  return text(value, [{ type: "italic" }]);
}

/** Bold text. */
function b(value: string): JSONContent {
  return text(value, [{ type: "bold" }]);
}

/** Linked text. */
function link(value: string, href: string): JSONContent {
  return text(value, [{ type: "link", attrs: { href } }]);
}

function p(...parts: Inline[]): JSONContent {
  return { type: "paragraph", content: parts.map(toInline) };
}

function heading(level: 2 | 3, ...parts: Inline[]): JSONContent {
  return { type: "heading", attrs: { level }, content: parts.map(toInline) };
}

function bulletList(...items: Inline[][]): JSONContent {
  return {
    type: "bulletList",
    content: items.map(
      (parts): JSONContent => ({ type: "listItem", content: [p(...parts)] }),
    ),
  };
}

function speaker(name: string, title: string, quote: string): JSONContent {
  return { type: "speakerCard", attrs: { name, title, quote, photo: null } };
}

/**
 * The slot for the generated meeting illustration: the seed draws it, stores it in the
 * media library and puts its address here (db/seed/demo-images.ts).
 */
function meetingIllustration(alt: string, caption: string): JSONContent {
  return { type: "image", attrs: { src: MEETING_IMAGE_SLOT, alt, caption, credit: DEMO_CREDIT } };
}

function doc(...content: JSONContent[]): JSONContent {
  return { type: "doc", content };
}

// ---------------------------------------------------------------------------
// Document titles (rendered in italics, as in the original issue)
// ---------------------------------------------------------------------------

const STRATEGY_2018_2022 = "Lancang-Mekong Environmental Cooperation Strategy 2018-2022";
const STRATEGY_2023_2027 =
  "Lancang-Mekong Environmental Cooperation Strategy and Action Framework 2023-2027";
const LMEC_WEBSITE = "http://en.lmec.org.cn/";

// ---------------------------------------------------------------------------
// Site settings
// ---------------------------------------------------------------------------

export const demoSettings: {
  siteNameEn: string;
  siteNameZh: string;
  newsletterName: string;
  contactBlock: string;
  aboutBlock: string;
  defaultLocale: "en";
} = {
  siteNameEn: "Lancang-Mekong Environmental Cooperation Center",
  siteNameZh: "澜沧江-湄公河环境合作中心",
  newsletterName: "Newsletter",
  contactBlock: [
    "Lancang-Mekong Environmental Cooperation Center",
    "Foreign Environmental Cooperation Center, Ministry of Ecology and Environment, China",
    "Address: No. 5 Houyingfang Hutong, Xicheng District, Beijing 100035, P.R. China",
    "Tel: +86-10-82268242/8221",
    "Fax: +86-10-82200579",
    "Email: qian.zhaohui@fecomee.org.cn",
    "Email: li.xia@fecomee.org.cn",
    `Web: ${LMEC_WEBSITE}`,
    "WeChat ID: lancang-mekongcec",
  ].join("\n"),
  aboutBlock: [
    "The Lancang-Mekong Environmental Cooperation Center (LMEC) was set up in Beijing, China, in 2017.",
    "It works to strengthen environmental cooperation among the Lancang-Mekong countries, helping each of them build its capacity for environmental governance.",
    "Through this joint effort, LMEC supports sustainable development across the whole region.",
  ].join(" "),
  defaultLocale: "en",
};

// ---------------------------------------------------------------------------
// The demo issue
// ---------------------------------------------------------------------------

export const demoIssue: {
  number: 13;
  year: 2022;
  slug: "issue-13-2022";
  title: string;
  issueDate: string;
  editorsNote: string;
} = {
  number: 13,
  year: 2022,
  slug: "issue-13-2022",
  title: "Issue 13, 2022",
  issueDate: "2022-09-29",
  editorsNote:
    "This issue is devoted to the 2022 Second Working-Group Meeting for Lancang-Mekong Environment Cooperation, " +
    "which took place online on 29 September 2022. Coordinators and representatives of all six Lancang-Mekong " +
    "countries used the meeting to take stock of LMEC's recent work and to share their views on the forthcoming " +
    `${STRATEGY_2023_2027}. Alongside our report you will find a short explainer on the new framework. ` +
    "We hope you enjoy the read.",
};

// ---------------------------------------------------------------------------
// Stories, in issue order (the first is the lead story)
// ---------------------------------------------------------------------------

export type DemoStory = {
  slug: string;
  title: string;
  standfirst: string;
  authorRole: "contributor" | "editor";
  body: JSONContent;
};

const leadStory: DemoStory = {
  slug: "second-working-group-meeting-2022",
  title: "2022 Second Working-Group Meeting for Lancang-Mekong Environment Cooperation Held Online",
  standfirst:
    "Officials from the six Lancang-Mekong countries met virtually on 29 September 2022 to review LMEC's progress " +
    "and help shape the region's next five years of environmental cooperation.",
  authorRole: "contributor",
  body: doc(
    meetingIllustration(
      "Illustration of an online meeting: delegates seated at a long table face a wall screen showing six participants in video tiles.",
      "Coordinators and representatives of the six Lancang-Mekong countries met online on 29 September 2022.",
    ),
    p(
      "The 2022 Second Working-Group Meeting for Lancang-Mekong Environment Cooperation took place online on " +
        "29 September 2022. It was organised by the Lancang-Mekong Environmental Cooperation Center (LMEC) / the " +
        "Foreign Environmental Cooperation Center (FECO) of the Ministry of Ecology and Environment (MEE), China, " +
        "and brought together coordinators and representatives from every Lancang-Mekong country.",
    ),
    p(
      "Participants looked back over what LMEC has achieved in recent months and offered their ideas for the ",
      i(STRATEGY_2023_2027),
      " (New Strategy and Action Framework), the document that will guide the next phase of cooperation.",
    ),
    p(
      "Senior officials from China, Vietnam, Laos, Cambodia, Myanmar and Thailand opened the meeting, and the " +
        "Director of LMEC also addressed participants. The main points of each speaker are summarised below.",
    ),
    heading(2, "What the speakers said"),
    speaker(
      "Mr. ZHOU Jun",
      "Director of the Department of International Cooperation of MEE, China",
      `Guided by the ${STRATEGY_2018_2022}, the Lancang-Mekong countries built the flagship "Green Lancang-Mekong ` +
        `Initiative" together, combining policy dialogue, demonstration projects, capacity building and joint ` +
        `research to help each country build capacity in adapting to and mitigating climate change, managing ` +
        `ecosystems and conserving biodiversity, and governing the environment as a whole. The New Strategy and Action ` +
        `Framework should carry LMEC on to even greater achievements.`,
    ),
    speaker(
      "Mr. Le Ngoc Tuan",
      "Director General of International Cooperation Department, Ministry of Natural Resources and Environment, Vietnam",
      "Climate change, pollution and the loss of biodiversity are crises that can only be met with a global response. " +
        "Vietnam supports the drafting of the New Strategy and Action Framework, whose priority areas should help every " +
        "member country build capacity in climate change mitigation and adaptation, the shift to clean energy and " +
        "sustainable infrastructure, and so advance sustainable development across the region.",
    ),
    speaker(
      "Mr. Lonkham Atsanavong",
      "Director General of Natural Resources and Environment Research Institute, Ministry of Natural Resources and Environment, Laos",
      `The ${STRATEGY_2018_2022} delivered solid results and taught lessons that will shape the cooperation ahead. ` +
        "The new Strategy and Action Framework can help the region reach the SDGs, connect regional work with global " +
        "targets and strengthen global environmental governance.",
    ),
    speaker(
      "Mr. Srey Sunleang",
      "Deputy Director General, General Directorate of Natural Protected Area, Ministry of Environment, Cambodia",
      "Lancang-Mekong environmental cooperation is an important framework for the region, and today's global " +
        "challenges leave plenty of room for it to grow. The new Strategy and Action Framework should steer closer " +
        "collaboration among the countries over the coming five years and bring even better results.",
    ),
    speaker(
      "Ms. Thaw Thaw Han",
      "Director of Environmental Conservation Department, Ministry of Resources and Environmental Conservation, Myanmar",
      "The Green Lancang-Mekong Initiative has produced a range of results for green, low-carbon and sustainable " +
        "development in the region, and Myanmar has played its part in protecting the environment regionally and " +
        "globally. Nature-based Solutions are key to restoring natural resources and tackling the climate and " +
        "environmental crisis, and Myanmar hopes to explore cooperation in these areas with its Lancang-Mekong partners.",
    ),
    speaker(
      "Ms. Narumon ORIS",
      "Environmentalist (Senior Professional level), Foreign Affairs Division Office of the Permanent Secretary, Ministry of Natural Resources and Environment, Thailand",
      "Working together as a region is vital if we are to tackle climate change and solve environmental problems. " +
        "As the countries rebuild their economies after the COVID-19 pandemic, they should also join forces to restore " +
        "the region's ecosystems and natural resources.",
    ),
    speaker(
      "Dr. LI Xia",
      "Director of the Lancang-Mekong Environmental Cooperation Center, Foreign Environmental Cooperation Center, MEE, China",
      "Over the last five years, Lancang-Mekong environmental cooperation has moved forward strongly on climate change, " +
        "biodiversity conservation and environmental governance. Looking ahead, it will turn more towards pressing " +
        "regional and global issues such as climate-resilient infrastructure, the protection and restoration of " +
        "ecosystems, a circular economy for plastics and better environmental quality. LMEC is keen to work with " +
        "member states to chart green and sustainable development pathways for the region and the world.",
    ),
    heading(2, "Outcome"),
    p(
      "As the meeting drew to a close, participants were of one mind: the New Strategy and Action Framework will " +
        "give clear direction to the next stage of Lancang-Mekong environmental cooperation, and it matters greatly " +
        "for joint regional action on climate change and for stronger environmental governance capacity.",
    ),
    p(
      "The Lancang-Mekong countries pledged their full backing for the drafting of the framework, committed to " +
        "exchanging and sharing experience with one another, and undertook to play their part in green and " +
        "sustainable development worldwide.",
    ),
  ),
};

const frameworkStory: DemoStory = {
  slug: "about-the-new-strategy-and-action-framework-2023-2027",
  title: "About the New Strategy and Action Framework 2023-2027",
  standfirst:
    "A short guide to the document that will steer Lancang-Mekong environmental cooperation from 2023 to 2027, " +
    "and to the work it builds on.",
  authorRole: "editor",
  body: doc(
    p(
      "The ",
      i(STRATEGY_2023_2027),
      " follows on from the ",
      i(STRATEGY_2018_2022),
      ". Under that earlier strategy the Lancang-Mekong countries launched their flagship project, the Green " +
        "Lancang-Mekong Initiative, and worked together on policy dialogue, joint demonstration projects, " +
        "capacity building and shared research.",
    ),
    p(
      "At the 2022 Second Working-Group Meeting, held online on 29 September 2022, coordinators and representatives " +
        "from all Lancang-Mekong countries put forward their suggestions for the new document. Among the themes " +
        "speakers pointed to for the years ahead were:",
    ),
    bulletList(
      ["climate change mitigation and adaptation, and the transition to clean energy;"],
      ["sustainable and climate-resilient infrastructure;"],
      ["the protection and restoration of ecosystems, including through Nature-based Solutions;"],
      ["a circular economy for plastics and better environmental quality."],
    ),
    p(
      "Participants expect the framework to help the region meet the SDGs and to link regional efforts with " +
        "global targets. ",
      b("LMEC"),
      ", founded in Beijing in 2017, will keep working with member states as the framework takes shape. " +
        "More about its work can be found on the ",
      link("LMEC website", LMEC_WEBSITE),
      ".",
    ),
  ),
};

export const demoStories: DemoStory[] = [leadStory, frameworkStory];
