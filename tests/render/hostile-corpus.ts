// Test corpus: articles written the way French newsrooms write, plus every character that breaks XML.
import type { Article } from '../../src/article/article.ts';
import { makeArticle, makeImage } from '../helpers/factories.ts';

const WINTER = new Date('2024-01-15T08:30:00+01:00');
const SUMMER = new Date('2024-07-14T10:00:00+02:00');
const TIE = new Date('2024-11-22T00:00:00+01:00');
const LONG_BODY = Array.from({ length: 400 }, (_, i) => `<p>Paragraphe ${i + 1} : la rédaction suit l’affaire « de près ».</p>`).join('\n');

/** A fresh hostile corpus on every call (same values each time): `]]>` twice, `&` and `<`, control characters, ties. */
export function makeHostileCorpus(): Article[] {
  return (
    [
      makeArticle({
        id: 'hostile/cdata',
        title: 'Fin de section ]]> puis encore ]]> : « R&D <Tech> » & co',
        summary: 'Résumé avec ]]> et <balise> & esperluette.',
        html: '<p>Le code ]]> casse le CDATA, et ]]> deux fois.</p><p>A &amp; B &lt; C</p>',
        categories: [
          { slug: 'r-d-tech', name: 'R&D <Tech>' },
          { slug: 'societe', name: 'Société' },
        ],
        date: TIE,
      }),
      makeArticle({
        id: 'hostile/controls',
        title: 'Contrôle\u0001 et tabulation\u000B verticale',
        summary: 'Un\u0001 résumé\u000B nettoyé.',
        html: '<p>Texte\u0001 avec\u000B des caractères interdits.</p>',
        date: TIE,
      }),
      makeArticle({
        id: 'hostile/unicode',
        title: 'L’été 🌞 à\u00a0Paris : « canicule » — 40\u00a0°C',
        summary: 'Espace insécable\u00a0: oui ; emoji 🔥 ; apostrophe ’.',
        html: `<h2>Chaleur</h2>${LONG_BODY}`,
        categories: [
          { slug: 'meteo', name: 'Météo' },
          { slug: 'ile-de-france', name: 'Île-de-France' },
        ],
        authors: [{ name: 'Éloïse Martin' }, { name: 'Jean-Noël d’Arc', email: 'jn.darc@example.org' }, { name: 'Zoé & Cie' }],
        image: makeImage('https://example.org/images/canicule.jpg', {
          alt: 'Des passants « à l’ombre » & <b>au frais</b>',
          caption: 'Paris, le 14 juillet : 38 °C à l’ombre ]]> <script>x()</script> & « chaleur »',
          credit: 'Zoé Martin / AFP & Cie',
          width: 1200,
          height: 800,
          length: 48_213,
        }),
        date: SUMMER,
        updated: new Date('2024-07-15T09:15:00+02:00'),
      }),
      makeArticle({
        id: 'winter/voeux',
        title: 'Les vœux du maire',
        summary: 'Cérémonie des vœux.',
        categories: [{ slug: 'national', name: 'National' }],
        authors: [],
        date: WINTER,
      }),
      makeArticle({
        id: 'winter/email-author',
        title: 'Dépêche signée par courriel',
        authors: [{ name: 'Agence', email: 'agence@example.org', url: 'https://example.org/agence/' }],
        date: new Date('2024-02-29T23:59:59+01:00'),
      }),
      makeArticle({ id: 'drafts/brouillon', title: 'Brouillon non publié', draft: true, date: SUMMER }),
    ] as Article[]
  ).map(withStableSlug);
}

/** The factory numbers its defaults per call; derive slug and link from the id so two corpora are equal. */
function withStableSlug(article: Article): Article {
  const slug = article.id.replace(/\//g, '-');
  return { ...article, slug, link: `https://example.org/articles/${slug}/` };
}
