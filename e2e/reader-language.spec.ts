import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type Response } from "@playwright/test";

const DEMO_ISSUE = "/issues/issue-13-2022";
const LEAD_STORY = `${DEMO_ISSUE}/second-working-group-meeting-2022`;
const MASTHEAD_ZH = "澜沧江-湄公河环境合作中心";

/** The self-hosted font files a page downloads, by file name (Fontsource's names, hashed by the build). */
function fontFiles(page: Page): string[] {
  const files: string[] = [];
  page.on("response", (response: Response) => {
    const url = new URL(response.url());
    if (/\.(woff2?|ttf|otf)$/.test(url.pathname)) {
      expect(response.status(), url.pathname).toBe(200);
      files.push(url.pathname.split("/").pop()!);
    }
  });
  return files;
}

async function fontsSettled(page: Page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

test("a reader switches to 中文 with JavaScript off; the choice is remembered across pages and page loads, and switched back", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(DEMO_ISSUE);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const readerNav = page.getByRole("navigation", { name: "Reader" });
  await expect(readerNav.getByRole("link", { name: "Latest issue" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Issue 13, 2022" })).toBeVisible();
  await expect(page.locator("main time").first()).toHaveText("September 29, 2022");
  // The other language is named in itself, and marked as such.
  await expect(page.getByRole("list", { name: "Language" }).getByRole("link", { name: "中文" })).toHaveAttribute(
    "href",
    `/language?to=zh&back=${encodeURIComponent(DEMO_ISSUE)}`,
  );
  await expect(page.getByText(MASTHEAD_ZH)).toHaveAttribute("lang", "zh-CN");

  await page.getByRole("list", { name: "Language" }).getByRole("link", { name: "中文" }).click();
  await expect(page).toHaveURL(DEMO_ISSUE);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh");
  const nav = page.getByRole("navigation", { name: "读者导航" });
  await expect(nav.getByRole("link", { name: "最新一期" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "往期" })).toBeVisible();
  await expect(page.getByRole("search", { name: "站内搜索" }).getByRole("button", { name: "搜索" })).toBeVisible();
  await expect(page.getByRole("link", { name: "跳到正文" })).toBeAttached();
  await expect(page.getByRole("heading", { level: 1, name: "2022年第13期" })).toBeVisible();
  await expect(page.locator("main time").first()).toHaveText("2022年9月29日");
  await expect(page.getByRole("link", { name: "印刷版" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "联系我们" })).toBeVisible();
  await expect(page.getByRole("link", { name: "工作人员登录" })).toBeVisible();
  await expect(page.getByRole("list", { name: "语言" }).getByRole("link", { name: "English" })).toBeVisible();
  // Text in another language than the page's says so: the English site name, the English stories.
  await expect(page.getByText("Lancang-Mekong Environmental Cooperation Center").first()).toHaveAttribute("lang", "en");
  await expect(page.getByText(MASTHEAD_ZH)).not.toHaveAttribute("lang", /.+/);
  const lead = page.locator("section.issue-story").first();
  await expect(lead.locator("h2").first()).toHaveAttribute("lang", "en");
  await expect(lead.locator(".story-body")).toHaveAttribute("lang", "en");
  await expect(lead.getByText(/^作者：/)).toBeVisible();

  // Remembered on the next page…
  await lead.locator("h2 a").first().click();
  await expect(page).toHaveURL(LEAD_STORY);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh");
  await expect(page.getByTestId("reading-time")).toHaveText(/· 阅读约 \d+ 分钟/);
  await expect(page.locator("article h1")).toHaveAttribute("lang", "en");

  // …and on a new page load.
  const again = await context.newPage();
  await again.goto("/issues");
  await expect(again.locator("html")).toHaveAttribute("lang", "zh");
  await expect(again.getByRole("heading", { level: 1, name: "往期" })).toBeVisible();
  // The demo issue's title only numbers it, so its card says the number in Chinese, then the date.
  const demoCard = again.getByRole("listitem").filter({ has: again.getByRole("link", { name: "2022年第13期" }) });
  await expect(demoCard).toHaveCount(1);
  // Other specs publish issues dated today, which come first: read the demo's own card.
  await expect(demoCard.locator("time")).toHaveText("2022年9月29日");
  await again.goto(`${DEMO_ISSUE}/print`);
  await expect(again.getByRole("link", { name: /返回/ })).toBeVisible();
  await again.goto("/search?q=mekong");
  await expect(again.getByRole("heading", { level: 1, name: "搜索" })).toBeVisible();
  await expect(again.getByRole("status")).toContainText("与“mekong”相关的文章");

  // The studio stays in English whatever the reader chose.
  await again.goto("/signin");
  await expect(again.locator("html")).toHaveAttribute("lang", "en");

  // Back to English.
  await page.getByRole("list", { name: "语言" }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(LEAD_STORY);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("reading-time")).toHaveText(/· \d+ min read/);
  // Story text always says its own language (the translations helper set it on every story).
  await expect(page.locator("article h1")).toHaveAttribute("lang", "en");
  await again.goto("/issues");
  await expect(again.getByRole("heading", { level: 1, name: "Archive" })).toBeVisible();
  await context.close();
});

test("the page cache keeps each language's page apart, and tells CDNs it varies on Cookie", async ({ request }) => {
  const get = async (cookie?: string) => {
    const response = await request.get(DEMO_ISSUE, { headers: cookie ? { cookie } : {} });
    expect(response.status()).toBe(200);
    expect(response.headers()["vary"]).toContain("Cookie");
    expect(response.headers()["set-cookie"]).toBeUndefined();
    return { cache: response.headers()["x-reader-cache"], html: await response.text() };
  };
  const isZh = (html: string) => html.includes('<html lang="zh"') && html.includes("印刷版") && !html.includes(">Print edition<");
  const isEn = (html: string) => html.includes('<html lang="en"') && html.includes(">Print edition<") && !html.includes("印刷版");
  // Twice each, interleaved: whichever was stored first, the other language never gets it.
  for (let round = 0; round < 2; round++) {
    expect(isZh((await get("authjs.session-token=x; language=zh")).html)).toBe(true);
    expect(isEn((await get("language=en")).html)).toBe(true);
    expect(isEn((await get()).html)).toBe(true);
    // A value that is no UI language is the default language.
    expect(isEn((await get("language=fr")).html)).toBe(true);
  }
  expect((await get("language=zh")).cache).toBe("hit");
  expect((await get()).cache).toBe("hit");
});

test("the language route remembers a valid choice and refuses bad input with a 400", async ({ request }) => {
  const ok = await request.get(`/language?to=zh&back=${encodeURIComponent("/search?q=合作")}`, { maxRedirects: 0 });
  expect(ok.status()).toBe(303);
  expect(ok.headers()["location"]).toBe("/search?q=%E5%90%88%E4%BD%9C");
  const cookies = ok.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatch(/^language=zh; Path=\/; Max-Age=31536000; SameSite=Lax; HttpOnly/);

  for (const query of [
    "to=fr&back=/",
    "to=&back=/",
    "back=/",
    "to=zh&back=https://evil.example/",
    "to=zh&back=//evil.example/",
    "to=zh&back=/%5Cevil.example",
    "to=zh&back=issues",
    "to=zh&back=javascript:alert(1)",
  ]) {
    const bad = await request.get(`/language?${query}`, { maxRedirects: 0 });
    expect(bad.status(), query).toBe(400);
    expect(bad.headers()["set-cookie"], query).toBeUndefined();
    expect(await bad.text(), query).toContain("This language link is not valid");
  }
});

test("every Mekong script renders with a self-hosted Noto face; a page loads only the font files its text needs", async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  const page = await context.newPage();

  // No Chinese or other non-Latin text: no font file at all.
  let files = fontFiles(page);
  await page.goto("/signin");
  await fontsSettled(page);
  expect(files).toEqual([]);

  // The English home page: only the Chinese masthead name needs a Noto face, a few of
  // Noto Sans SC's ~100 slices, and nothing of the Thai, Lao, Khmer or Burmese faces.
  const home = await context.newPage();
  files = fontFiles(home);
  await home.goto("/");
  await fontsSettled(home);
  await testInfo.attach("font files of the English home page", { body: files.join("\n"), contentType: "text/plain" });
  expect(files.length).toBeGreaterThan(0);
  expect(files.every((f) => f.startsWith("noto-sans-sc-") && f.endsWith(".woff2")), files.join(", ")).toBe(true);
  expect(files.length).toBeLessThanOrEqual(12);
  expect(await home.evaluate((text) => document.fonts.check('700 24px "Noto Sans SC"', text), MASTHEAD_ZH)).toBe(true);
  const loadedFaces = await home.evaluate(() =>
    [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replaceAll('"', "")),
  );
  expect(new Set(loadedFaces)).toEqual(new Set(["Noto Sans SC"]));
  const masthead = testInfo.outputPath("masthead-zh-name.png");
  await home.getByText(MASTHEAD_ZH).screenshot({ path: masthead });
  await testInfo.attach("masthead Chinese name", { path: masthead, contentType: "image/png" });

  // The search page names every language in itself: each script's face loads.
  const search = await context.newPage();
  files = fontFiles(search);
  await search.goto("/search");
  await fontsSettled(search);
  for (const face of ["thai", "lao", "khmer", "myanmar"]) expect(files.some((f) => f.startsWith(`noto-sans-${face}-${face}-`)), face).toBe(true);
  for (const [family, text] of [
    ["Noto Sans Thai", "ไทย"],
    ["Noto Sans Lao", "ລາວ"],
    ["Noto Sans Khmer", "ខ្មែរ"],
    ["Noto Sans Myanmar", "မြန်မာ"],
  ] as const)
    expect(await search.evaluate(([f, t]) => document.fonts.check(`400 16px "${f}"`, t), [family, text]), family).toBe(true);
  const scripts = testInfo.outputPath("search-languages.png");
  await search.locator("main p").first().screenshot({ path: scripts });
  await testInfo.attach("every script", { path: scripts, contentType: "image/png" });
  await context.close();
});

test("the Chinese pages have no axe violations, and look right on a phone and a desktop", async ({ browser }, testInfo) => {
  for (const [label, viewport] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1280, height: 900 }],
  ] as const) {
    for (const language of ["en", "zh"]) {
      // (axe runs in the page: JavaScript on here; the pages ship none of their own.)
      const context = await browser.newContext({ viewport });
      await context.addCookies([{ name: "language", value: language, url: testInfo.project.use.baseURL! }]);
      const page = await context.newPage();
      for (const url of language === "zh" ? ["/", LEAD_STORY, "/issues", "/issues/no-such-issue-xyz"] : ["/"]) {
        const response = await page.goto(url);
        if (url.includes("no-such")) {
          expect(response?.status()).toBe(404);
          await expect(page.getByRole("heading", { level: 1, name: "找不到页面" })).toBeVisible();
        }
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        await fontsSettled(page);
        if (language === "zh") {
          const results = await new AxeBuilder({ page }).analyze();
          expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`), `${url} (${label})`).toEqual([]);
        }
      }
      await page.goto("/");
      await fontsSettled(page);
      const path = testInfo.outputPath(`home-${language}-${label}.png`);
      await page.screenshot({ path, fullPage: label === "phone" ? false : true });
      await testInfo.attach(`home ${language} ${label}`, { path, contentType: "image/png" });
      await context.close();
    }
  }
});

test("the archive by year, author pages, About, Read in, neighbours, search's refusals and 404s speak Chinese too, and the switch comes back to each with its query", async ({
  browser,
}, testInfo) => {
  const shots = process.env.I18N_SHOTS_DIR;
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await context.addCookies([{ name: "language", value: "zh", url: testInfo.project.use.baseURL! }]);
  const page = await context.newPage();
  const shot = async (name: string, fullPage = true) => {
    if (shots) await page.screenshot({ path: `${shots}/${name}-zh-phone.png`, fullPage });
  };
  await page.goto("/");
  await shot("home", false);

  // The archive of a year: Chinese headings and counts, the year's links, and the switch keeps ?year=.
  await page.goto("/issues?year=2022");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh");
  await expect(page.getByRole("heading", { level: 1, name: "2022年各期" })).toBeVisible();
  await expect(page.locator("main")).toContainText(/2022年共 \d+ 期/);
  await expect(page.getByRole("navigation", { name: "年份" }).getByRole("link", { name: "全部年份" })).toBeVisible();
  await expect(page.getByRole("list", { name: "语言" }).getByRole("link", { name: "English" })).toHaveAttribute(
    "href",
    `/language?${new URLSearchParams({ to: "en", back: "/issues?year=2022" })}`,
  );
  await page.goto("/issues");
  await shot("archive");

  // A story with translations: "Read in" its languages (each named in itself), a Chinese byline
  // linking to the author, the next story in Chinese chrome, and JSON-LD in the story's language.
  await page.goto(LEAD_STORY);
  const readIn = page.getByRole("navigation", { name: "本文的语言版本" });
  await expect(readIn).toContainText("阅读语言：");
  await expect(readIn.getByRole("link", { name: "中文" })).toHaveAttribute("lang", "zh");
  await expect(page.locator("article").getByText(/^作者：/)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "本期其他文章" })).toContainText("下一篇");
  await shot("story", false);
  await page.getByRole("navigation", { name: "本期其他文章" }).scrollIntoViewIfNeeded();
  await shot("story-next", false);
  await page.goto(`${LEAD_STORY}-zh`);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as { inLanguage?: string };
  expect(jsonLd.inLanguage).toBe("zh");
  await expect(page.locator("article h1")).toHaveAttribute("lang", "zh");

  // The author's page, reached from the byline.
  await page.goto(LEAD_STORY);
  await page.locator('article a[rel="author"]').click();
  await expect(page).toHaveURL(/\/authors\//);
  await expect(page.getByText("作者", { exact: true })).toBeVisible();
  await expect(page.locator("main")).toContainText(/已发表 \d+ 篇文章，最新的在前/);
  await expect(page.locator("main time").first()).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  const authorPath = new URL(page.url()).pathname;
  await expect(page.getByRole("list", { name: "语言" }).getByRole("link", { name: "English" })).toHaveAttribute(
    "href",
    `/language?${new URLSearchParams({ to: "en", back: authorPath })}`,
  );
  await shot("author");

  // About, from the masthead.
  await page.getByRole("navigation", { name: "读者导航" }).getByRole("link", { name: "关于" }).click();
  await expect(page).toHaveURL(/\/about$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("关于");
  await expect(page.getByRole("link", { name: "最新一期" }).last()).toBeVisible();

  // Search: a refusal and a page past the end, in Chinese, with their statuses.
  let response = await page.goto("/search?q=%21%21%21");
  expect(response?.status()).toBe(400);
  await expect(page.locator("main").getByRole("alert")).toHaveText("请输入要搜索的词语：搜索内容只有标点或符号。");
  response = await page.goto("/search?q=lancang&page=99");
  expect(response?.status()).toBe(404);
  await expect(page.locator("main").getByRole("alert")).toContainText("的搜索结果没有第 99 页。回到第一页。");

  // 404s: a missing reader page and an address no route has, both in Chinese, with the site's links.
  for (const url of ["/issues/no-such-issue-xyz", "/no-such-address-xyz"]) {
    response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh");
    await expect(page).toHaveTitle(/^找不到页面/);
    await expect(page.getByRole("heading", { level: 1, name: "找不到页面" })).toBeVisible();
    await expect(page.locator("main").getByRole("link", { name: "浏览往期" })).toHaveAttribute("href", "/issues");
    await expect(page.locator("main").getByRole("link", { name: "搜索文章" })).toHaveAttribute("href", "/search");
  }
  await shot("404");
  await context.close();
});
