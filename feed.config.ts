import { defineConfig } from 'gazette';

export default defineConfig({
  title: 'Gazette — l’actualité',
  description: 'Les dernières dépêches et analyses de la rédaction.',
  siteUrl: 'https://gazette.example.org',
  language: 'fr-FR',
  timeZone: 'Europe/Paris',
  author: { name: 'La rédaction de Gazette', email: 'redaction@gazette.example.org' },
  copyright: '© 2024 Gazette',
  limit: 50,
  tagDate: '2024-01-01',
  categories: {
    international: { label: 'International', description: 'L’actualité du monde.' },
    national: { label: 'National', description: 'L’actualité en France.' },
    societe: { label: 'Société', description: 'Faits de société, éducation, santé.' },
    economie: { label: 'Économie', description: 'Entreprises, marchés, emploi.' },
    culture: { label: 'Culture', description: 'Livres, cinéma, musique, expositions.' },
    sport: { label: 'Sport' },
  },
  cacheControl: 'public, max-age=300',
});
