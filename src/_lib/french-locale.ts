// _lib: the French words of dates, as plain data: read by records/french-date.ts, written by render/french-date-format.ts.
//
// Like date-fns' `locale/fr`, this file holds data only, spelled as newsrooms print it (accents, capitals);
// the parser folds every entry itself (records/french-date-words.ts), the formatter prints them as they are.

/** `janvier` … `décembre`: index 0 is January, like `Date#getUTCMonth`. */
export const MONTH_NAMES = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
] as const;

/**
 * Abbreviations of each month, written without their dot (`janv.` is read with or without it): the Imprimerie
 * nationale's (`janv`, `févr`, `avr`, `juil`, `sept`, `oct`, `nov`, `déc`) and shorter ones seen in dispatches.
 * `mars`, `mai`, `juin` and `août` are not abbreviated in French.
 */
export const MONTH_ABBREVIATIONS: readonly (readonly string[])[] = [
  ['janv', 'jan'], ['févr', 'fév'], ['mar'], ['avr'], [], [],
  ['juil'], ['aoû'], ['sept', 'sep'], ['oct'], ['nov'], ['déc'],
];

/** `dimanche` … `samedi`: index 0 is Sunday, like `Date#getUTCDay`. */
export const WEEKDAY_NAMES = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;

/** Weekday abbreviations (`ven.`), written without their dot; the same order as {@link WEEKDAY_NAMES}. */
export const WEEKDAY_ABBREVIATIONS = ['dim', 'lun', 'mar', 'mer', 'jeu', 'ven', 'sam'] as const;

/** The first day of a month is an ordinal, « le 1er décembre »; every other day a cardinal (Imprimerie nationale). */
export const FIRST_OF_MONTH = '1er';

/**
 * Words a newsroom writes before a date (then an optional `le`, and an optional colon:
 * `Publié le : 22/11/2024`). Only these: other leading words (`Il était une fois le …`) leave the text unreadable.
 */
export const DATE_LEAD_INS = [
  'publié', 'publiée', 'paru', 'parue', 'mis en ligne', 'mise en ligne',
  'mis à jour', 'mise à jour', 'dernière mise à jour', 'màj', 'modifié', 'modifiée', 'actualisé', 'actualisée',
] as const;

/**
 * Words that open an update note after a date: alone in parentheses they say which date it is but not when
 * (`(mis à jour)`); followed by a time or a date they give the update (`(mis à jour à 16 h 05)`).
 */
export const UPDATE_WORDS = ['mis à jour', 'mise à jour', 'màj', 'actualisé', 'actualisée', 'modifié', 'modifiée'] as const;

/**
 * Time-zone abbreviations and phrases French-language newsrooms print after a time, with the fixed offset they
 * name in minutes east of UTC. Europe: `HEC` (heure d'Europe centrale) and its standard and summer forms, `TU`
 * (temps universel). Canada: the six zones, standard (`HN…`, heure normale) and daylight (`HA…`, heure avancée),
 * as TERMIUM Plus and The Canadian Encyclopedia give them. A fixed offset is honoured as written, whatever the season.
 */
export const ZONE_OFFSETS: ReadonlyArray<readonly [words: readonly string[], offset: number]> = [
  [['TU'], 0],
  [['HEC', 'HNEC'], 60], [['HAEC'], 120],
  [['HNP', 'heure normale du Pacifique'], -480], [['HAP', 'heure avancée du Pacifique'], -420],
  [['HNR', 'heure normale des Rocheuses'], -420], [['HAR', 'heure avancée des Rocheuses'], -360],
  [['HNC', 'heure normale du Centre'], -360], [['HAC', 'heure avancée du Centre'], -300],
  [['HNE', "heure normale de l'Est"], -300], [['HAE', "heure avancée de l'Est"], -240],
  [['HNA', "heure normale de l'Atlantique"], -240], [['HAA', "heure avancée de l'Atlantique"], -180],
  [['HNT', 'heure normale de Terre-Neuve'], -210], [['HAT', 'heure avancée de Terre-Neuve'], -150],
];

/**
 * Zone words that name a region's wall clock rather than an offset (`HE`, `heure de l'Est`: −05:00 in winter,
 * −04:00 in summer), with the IANA zone of the region's largest city and the region's standard offset. A site
 * whose own zone is in America/ and keeps that standard offset in January (Regina for `heure du Centre`, which
 * never changes its clocks) reads them as its own wall clock instead.
 */
export const ZONE_REGIONS: ReadonlyArray<{ words: readonly string[]; timeZone: string; standardOffset: number }> = [
  { words: ['HP', 'heure du Pacifique'], timeZone: 'America/Vancouver', standardOffset: -480 },
  { words: ['HR', 'heure des Rocheuses'], timeZone: 'America/Edmonton', standardOffset: -420 },
  { words: ['HC', 'heure du Centre'], timeZone: 'America/Winnipeg', standardOffset: -360 },
  { words: ['HE', "heure de l'Est"], timeZone: 'America/Toronto', standardOffset: -300 },
  { words: ['HA', "heure de l'Atlantique"], timeZone: 'America/Halifax', standardOffset: -240 },
  { words: ['HT', 'heure de Terre-Neuve'], timeZone: 'America/St_Johns', standardOffset: -210 },
];

/**
 * Place notes after a time, with or without parentheses, and the IANA zone whose wall time they name
 * (undefined: the site's own zone). `18h05 (heure de Paris)` is Paris wall time even for a Montreal site.
 */
export const PLACE_ZONES: ReadonlyArray<readonly [phrase: string, timeZone: string | undefined]> = [
  ['heure de Paris', 'Europe/Paris'], ['heure de France', 'Europe/Paris'], ['heure française', 'Europe/Paris'],
  ['heure de Montréal', 'America/Toronto'], ['heure du Québec', 'America/Toronto'],
  ['heure locale', undefined],
];

/**
 * Dateline cities (`PARIS, 22 nov. 2024`, `Abidjan, le 22 novembre 2024`) whose wall clock a time after them
 * is read in. Only cities whose name means one place to a French-language newsroom; any other place before a
 * date is allowed and ignored (the site's zone applies, as for any time without a zone).
 */
export const DATELINE_CITIES: ReadonlyArray<readonly [city: string, timeZone: string]> = [
  ['Paris', 'Europe/Paris'], ['Lyon', 'Europe/Paris'], ['Marseille', 'Europe/Paris'], ['Strasbourg', 'Europe/Paris'],
  ['Bruxelles', 'Europe/Brussels'], ['Liège', 'Europe/Brussels'], ['Namur', 'Europe/Brussels'],
  ['Genève', 'Europe/Zurich'], ['Lausanne', 'Europe/Zurich'], ['Berne', 'Europe/Zurich'], ['Zurich', 'Europe/Zurich'],
  ['Luxembourg', 'Europe/Luxembourg'], ['Monaco', 'Europe/Monaco'],
  ['Montréal', 'America/Toronto'], ['Québec', 'America/Toronto'], ['Ottawa', 'America/Toronto'], ['Gatineau', 'America/Toronto'],
  ['Toronto', 'America/Toronto'], ['Sherbrooke', 'America/Toronto'], ['Trois-Rivières', 'America/Toronto'],
  ['Moncton', 'America/Moncton'], ['Caraquet', 'America/Moncton'], ['Halifax', 'America/Halifax'],
  ['Winnipeg', 'America/Winnipeg'], ['Regina', 'America/Regina'], ['Edmonton', 'America/Edmonton'],
  ['Calgary', 'America/Edmonton'], ['Vancouver', 'America/Vancouver'],
  ['Rabat', 'Africa/Casablanca'], ['Casablanca', 'Africa/Casablanca'], ['Tanger', 'Africa/Casablanca'],
  ['Marrakech', 'Africa/Casablanca'], ['Alger', 'Africa/Algiers'], ['Tunis', 'Africa/Tunis'],
  ['Dakar', 'Africa/Dakar'], ['Abidjan', 'Africa/Abidjan'], ['Bamako', 'Africa/Bamako'],
  ['Ouagadougou', 'Africa/Ouagadougou'], ['Niamey', 'Africa/Niamey'], ['Lomé', 'Africa/Lome'],
  ['Cotonou', 'Africa/Porto-Novo'], ['Conakry', 'Africa/Conakry'], ['Nouakchott', 'Africa/Nouakchott'],
  ['Yaoundé', 'Africa/Douala'], ['Douala', 'Africa/Douala'], ['Libreville', 'Africa/Libreville'],
  ['Kinshasa', 'Africa/Kinshasa'], ['Brazzaville', 'Africa/Brazzaville'],
];

/** News agencies a dateline names in parentheses (`PARIS, 22 nov. 2024 (AFP)`): said, then ignored. */
export const NEWS_AGENCIES = [
  'AFP', 'Agence France-Presse', 'Reuters', 'AP', 'Associated Press',
  'PC', 'La Presse Canadienne', 'Presse Canadienne', 'Belga', 'ATS', 'Keystone-ATS',
  'MAP', 'APS', 'TAP', 'AIP', 'AIB', 'ABP', 'ANP', 'AMAP', 'AGP', 'ACP', 'ATOP',
] as const;

/** Words that place a date relative to the day it was written (`hier`, `mardi dernier`): never an instant. */
export const RELATIVE_WORDS = [
  'hier', 'avant-hier', "aujourd'hui", 'demain', 'après-demain', 'ce matin', 'ce soir', 'cette nuit',
  'la veille', 'le lendemain', 'dernier', 'dernière', 'prochain', 'prochaine', 'il y a',
] as const;
