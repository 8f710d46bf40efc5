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

// ---------------------------------------------------------------------------
// Translations: stories of their own, in the translation group of the story they translate
// ---------------------------------------------------------------------------

export type DemoTranslation = DemoStory & {
  locale: "zh";
  /** The slug of the story it translates (one of demoStories); it follows that story in the issue. */
  translationOf: string;
};

const STRATEGY_2018_2022_ZH = "《澜沧江-湄公河环境合作战略（2018—2022）》";
const STRATEGY_2023_2027_ZH = "《澜沧江-湄公河环境合作战略与行动框架（2023—2027）》";

/**
 * The lead story in simplified Chinese, retold for this project from the English text above
 * (not a copy of any published translation). Speakers keep their names as in the English
 * story, so their cards share its portraits.
 */
const leadStoryZh: DemoTranslation = {
  slug: `${leadStory.slug}-zh`,
  locale: "zh",
  translationOf: leadStory.slug,
  title: "2022年澜湄环境合作第二次工作组会议在线召开",
  standfirst: "2022年9月29日，澜湄六国的官员通过视频相聚，回顾澜湄环境合作中心的工作进展，为本区域未来五年的环境合作出谋划策。",
  authorRole: "editor",
  body: doc(
    meetingIllustration(
      "在线会议示意图：代表们围坐在长桌旁，面向墙上的大屏幕，屏幕上的六个视频窗口里是六位与会者。",
      "2022年9月29日，澜湄六国的协调员和代表在线上相聚。",
    ),
    p(
      "2022年澜湄环境合作第二次工作组会议于2022年9月29日以线上方式举行。会议由澜湄环境合作中心，即中国生态环境部对外合作与交流中心主办，" +
        "澜湄各国的协调员和代表悉数出席。",
    ),
    p(
      "与会者回顾了澜湄环境合作中心近几个月来的工作成果，并就",
      i(STRATEGY_2023_2027_ZH),
      "（以下简称“新战略与行动框架”）建言献策。这份文件将为下一阶段的合作指明方向。",
    ),
    p("中国、越南、老挝、柬埔寨、缅甸和泰国的高级官员在会议开幕时致辞，澜湄环境合作中心主任也发表了讲话。各位发言人的要点如下。"),
    heading(2, "发言要点"),
    speaker(
      "Mr. ZHOU Jun",
      "中国生态环境部国际合作司司长",
      `在${STRATEGY_2018_2022_ZH}的指引下，澜湄国家携手打造了旗舰项目“绿色澜湄计划”，通过政策对话、示范项目、能力建设和联合研究，` +
        "帮助各国提升适应和减缓气候变化、管理生态系统、保护生物多样性以及整体环境治理的能力。新战略与行动框架应推动澜湄环境合作取得更大成就。",
    ),
    speaker(
      "Mr. Le Ngoc Tuan",
      "越南自然资源与环境部国际合作司司长",
      "气候变化、环境污染和生物多样性丧失，都是只有全球共同应对才能化解的危机。越南支持起草新战略与行动框架，" +
        "希望其优先领域帮助每个成员国增强减缓和适应气候变化、向清洁能源转型以及建设可持续基础设施的能力，推动全区域的可持续发展。",
    ),
    speaker(
      "Mr. Lonkham Atsanavong",
      "老挝自然资源与环境部自然资源与环境研究所所长",
      `${STRATEGY_2018_2022_ZH}取得了扎实成果，也留下了宝贵经验，这些都将影响今后的合作。` +
        "新的战略与行动框架有助于本区域实现可持续发展目标，把区域工作与全球目标衔接起来，并加强全球环境治理。",
    ),
    speaker(
      "Mr. Srey Sunleang",
      "柬埔寨环境部自然保护区总局副总局长",
      "澜湄环境合作是本区域重要的合作框架，面对当今的全球性挑战，它还有很大的发展空间。新战略与行动框架应引领各国在未来五年开展更紧密的合作，取得更好的成果。",
    ),
    speaker(
      "Ms. Thaw Thaw Han",
      "缅甸资源与环境保护部环境保护司司长",
      "“绿色澜湄计划”为本区域的绿色、低碳和可持续发展带来了一系列成果，缅甸也为保护区域和全球环境贡献了自己的力量。" +
        "基于自然的解决方案是恢复自然资源、应对气候与环境危机的关键，缅甸希望与澜湄伙伴在这些领域探讨合作。",
    ),
    speaker(
      "Ms. Narumon ORIS",
      "泰国自然资源与环境部常务秘书办公室外事处环境专家（高级专业级）",
      "要应对气候变化、解决环境问题，区域内的携手合作至关重要。各国在新冠疫情之后重振经济的同时，也应共同努力，恢复本区域的生态系统和自然资源。",
    ),
    speaker(
      "Dr. LI Xia",
      "中国生态环境部对外合作与交流中心澜湄环境合作中心主任",
      "过去五年，澜湄环境合作在气候变化、生物多样性保护和环境治理方面稳步向前。展望未来，合作将更多地关注气候韧性基础设施、" +
        "生态系统保护与修复、塑料循环经济和环境质量改善等区域和全球的紧迫议题。澜湄环境合作中心愿与各成员国一道，为本区域和世界探索绿色、可持续的发展道路。",
    ),
    heading(2, "会议成果"),
    p(
      "会议临近结束时，与会者达成共识：新战略与行动框架将为下一阶段的澜湄环境合作指明清晰方向，" +
        "对本区域共同应对气候变化、提升环境治理能力意义重大。",
    ),
    p("澜湄各国表示全力支持框架的起草工作，承诺相互交流、分享经验，并为全球绿色和可持续发展贡献各自的力量。"),
  ),
};

export const demoTranslations: DemoTranslation[] = [leadStoryZh];

/** The demo issue's stories as it is published: each story, then its translations. */
export const demoIssueStories: (DemoStory | DemoTranslation)[] = demoStories.flatMap((story) => [
  story,
  ...demoTranslations.filter((t) => t.translationOf === story.slug),
]);
