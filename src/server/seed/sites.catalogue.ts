// Places where the demo agents work. Names and addresses are plausible, not an official directory.

export type SiteDefinition = { key: string; name: string; address: string; postalCode: string };

export const sites = [
  { key: 'hotel-de-ville', name: 'Hôtel de Ville', address: "Place de l'Hôtel de Ville", postalCode: '75004' },
  { key: 'lobau', name: 'Centre administratif Lobau', address: '2 rue de Lobau', postalCode: '75004' },
  { key: 'morland', name: 'Centre administratif Morland', address: '17 boulevard Morland', postalCode: '75004' },
  { key: 'bercy', name: 'Centre administratif de Bercy', address: '227 rue de Bercy', postalCode: '75012' },
  { key: 'mairie-11', name: 'Mairie du 11e arrondissement', address: '12 place Léon-Blum', postalCode: '75011' },
  { key: 'mairie-13', name: 'Mairie du 13e arrondissement', address: "1 place d'Italie", postalCode: '75013' },
  { key: 'mairie-15', name: 'Mairie du 15e arrondissement', address: '31 rue Péclet', postalCode: '75015' },
  { key: 'mairie-18', name: 'Mairie du 18e arrondissement', address: '1 place Jules-Joffrin', postalCode: '75018' },
  { key: 'mairie-20', name: 'Mairie du 20e arrondissement', address: '6 place Gambetta', postalCode: '75020' },
  { key: 'ecole-vitruve', name: 'École maternelle Vitruve', address: '3 rue Vitruve', postalCode: '75020' },
  { key: 'ecole-brancion', name: 'École maternelle Brancion', address: '89 rue Brancion', postalCode: '75015' },
  { key: 'ecole-championnet', name: 'École polyvalente Championnet', address: '70 rue Championnet', postalCode: '75018' },
  { key: 'ecole-keller', name: 'École élémentaire Keller', address: '14 rue Keller', postalCode: '75011' },
  { key: 'creche-moskova', name: 'Crèche collective Moskova', address: '12 rue de la Moskova', postalCode: '75018' },
  { key: 'creche-tolbiac', name: 'Crèche collective Tolbiac', address: '45 rue de Tolbiac', postalCode: '75013' },
  { key: 'creche-charonne', name: 'Multi-accueil Charonne', address: '100 rue de Charonne', postalCode: '75011' },
  { key: 'parc-buttes-chaumont', name: 'Parc des Buttes-Chaumont', address: '1 rue Botzaris', postalCode: '75019' },
  { key: 'parc-citroen', name: 'Parc André-Citroën', address: '2 rue Cauchy', postalCode: '75015' },
  { key: 'serres-auteuil', name: "Jardin des serres d'Auteuil", address: "3 avenue de la Porte-d'Auteuil", postalCode: '75016' },
  { key: 'atelier-proprete-12', name: 'Atelier de propreté du 12e', address: '8 rue Proudhon', postalCode: '75012' },
  { key: 'atelier-proprete-18', name: 'Atelier de propreté du 18e', address: '21 rue Raymond-Queneau', postalCode: '75018' },
  { key: 'atelier-voirie', name: 'Atelier de la voirie Victor', address: '10 boulevard Victor', postalCode: '75015' },
  { key: 'cas-13', name: "Centre d'action sociale du 13e", address: "146 boulevard de l'Hôpital", postalCode: '75013' },
  { key: 'cas-18', name: "Centre d'action sociale du 18e", address: '115 bis rue Ordener', postalCode: '75018' },
  { key: 'cas-20', name: "Centre d'action sociale du 20e", address: '62 rue du Surmelin', postalCode: '75020' },
  { key: 'mediatheque-duras', name: 'Médiathèque Marguerite-Duras', address: '115 rue de Bagnolet', postalCode: '75020' },
  { key: 'piscine-vallerey', name: 'Piscine Georges-Vallerey', address: '148 avenue Gambetta', postalCode: '75020' },
  { key: 'centre-sante-edison', name: 'Centre de santé Edison', address: '44 rue Charles-Moureu', postalCode: '75013' },
] as const satisfies readonly SiteDefinition[];

export type SiteKey = (typeof sites)[number]['key'];
