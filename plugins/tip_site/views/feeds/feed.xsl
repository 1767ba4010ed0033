<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows a feed (RSS 2.0 or Atom) as a plain, readable page when someone opens it in a browser.
     Feed readers ignore it. The Subscribe page and home addresses are filled in when the site is built. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <xsl:variable name="title" select="rss/channel/title | atom:feed/atom:title"/>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>
          :root { color-scheme: light dark; --accent: #303fa1; --note: #eef0fb; }
          @media (prefers-color-scheme: dark) { :root { --accent: #aab4f5; --note: #23263a; } }
          body { font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 44rem; padding: 1rem; }
          a { color: var(--accent); }
          a:focus-visible { outline: 3px solid currentColor; outline-offset: 2px; }
          .note { background: var(--note); border-left: 4px solid var(--accent); padding: 0.75rem 1rem; margin: 1rem 0 2rem; }
          ol { list-style: none; padding: 0; }
          li { border-top: 1px solid #8886; padding: 1rem 0; }
          h3 { font-size: 1.2rem; margin: 0 0 0.25rem; }
          .date { font-size: 0.95rem; margin: 0 0 0.5rem; }
        </style>
      </head>
      <body>
        <main>
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="rss/channel/description | atom:feed/atom:subtitle"/></p>
          <div class="note">
            <p><strong>This is a feed.</strong> A feed reader app can watch it and tell you whenever
              something new appears here. To follow it, copy the address of this page from your
              browser's address bar and paste it into your feed reader.</p>
            <p><a href="{{SUBSCRIBE_URL}}">New to feeds? How to subscribe, step by step</a> ·
              <a href="{{HOME_URL}}">Go to the website</a></p>
          </div>
          <h2 id="latest">Latest</h2>
          <ol aria-labelledby="latest">
            <xsl:apply-templates select="rss/channel/item | atom:feed/atom:entry"/>
          </ol>
          <xsl:if test="not(rss/channel/item | atom:feed/atom:entry)">
            <p>Nothing has been published here yet. Subscribe now and your feed reader will show the first item when it arrives.</p>
          </xsl:if>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
      <p class="date">Published <xsl:value-of select="substring(pubDate, 6, 11)"/></p>
      <p><xsl:value-of select="description"/></p>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <h3><a href="{atom:link[not(@rel) or @rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
      <p class="date">Published <xsl:value-of select="substring(atom:published, 1, 10)"/></p>
      <p><xsl:value-of select="atom:summary"/></p>
    </li>
  </xsl:template>
</xsl:stylesheet>
