import type { SiteSettings } from "@/db/queries/settings";

export function SiteFooter({ settings }: { settings: SiteSettings }) {
  return (
    <footer className="mt-16 border-t border-gray-200 bg-gray-50">
      <div className="mx-auto grid max-w-3xl gap-8 px-4 py-10 text-sm text-gray-700 sm:grid-cols-2">
        {settings.contactBlock ? (
          <section aria-labelledby="contact-heading">
            <h2 id="contact-heading" className="mb-2 font-semibold text-ink">
              Contact
            </h2>
            <p className="whitespace-pre-line leading-relaxed">{settings.contactBlock}</p>
          </section>
        ) : null}
        {settings.aboutBlock ? (
          <section aria-labelledby="about-heading">
            <h2 id="about-heading" className="mb-2 font-semibold text-ink">
              About {settings.siteNameEn}
            </h2>
            <p className="leading-relaxed">{settings.aboutBlock}</p>
            <p className="no-print mt-2">
              <a href="/about" className="text-brand-700 underline">
                More about us
              </a>
            </p>
          </section>
        ) : null}
      </div>
      <p className="no-print pb-6 text-center text-xs text-gray-600">
        <a href="/studio" className="hover:underline">
          Staff sign-in
        </a>
      </p>
    </footer>
  );
}
