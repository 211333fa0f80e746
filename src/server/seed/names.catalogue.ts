// First and last names common in France (and in a Paris administration), accents kept.

export type Gender = 'f' | 'm';

const feminine = `Adèle Agathe Agnès Aïcha Alexandra Alice Aline Amandine Amélie Amina Anaïs Andrée Angélique Anne
Anne-Sophie Annie Aurélie Aurore Awa Béatrice Bénédicte Bernadette Brigitte Camille Capucine Carole Caroline
Catherine Cécile Céline Chantal Charlotte Chloé Christelle Christine Claire Clarisse Claudine Clémence Colette
Coralie Corinne Danielle Delphine Diane Dominique Éléonore Élise Élodie Émilie Emma Estelle Eugénie Fanny Fatima
Fatoumata Florence Françoise Gaëlle Geneviève Hélène Inès Ingrid Irène Isabelle Jacqueline Jeanne Joëlle
Joséphine Judith Julie Juliette Justine Karima Laetitia Laure Laurence Léa Leïla Léonie Lina Louise Lucie
Ludivine Lydie Madeleine Maëlle Malika Manon Margaux Marguerite Marie Marie-Claire Marie-Hélène Marine Marion
Martine Mathilde Maud Mélanie Mireille Monique Myriam Nadia Nadège Nathalie Noémie Océane Odile Pascale Patricia
Pauline Rachida Rose Sabine Salomé Samia Sandrine Sarah Séverine Sofia Solène Sophie Stéphanie Suzanne Sylvie
Thérèse Valérie Véronique Virginie Yasmina Yvette Zoé`;

const masculine = `Abdel Adrien Ahmed Alain Alexandre Alexis Amadou Anthony Antoine Arnaud Arthur Aurélien Bastien
Baptiste Benjamin Benoît Bernard Bertrand Bruno Cédric Charles Christian Christophe Claude Clément Cyril Damien
Daniel David Denis Didier Dominique Édouard Emmanuel Éric Étienne Fabien Fabrice Farid Florent Francis François
Frédéric Gaël Gaétan Georges Gérard Gilles Grégoire Guillaume Guy Hakim Henri Hervé Hugo Ibrahima Jacques
Jean Jean-Baptiste Jean-Claude Jean-François Jean-Luc Jean-Marc Jean-Philippe Jean-Pierre Jérémie Jérôme
Joël Jonathan Jordan Joseph Julien Karim Kévin Laurent Léo Léon Loïc Louis Luc Lucas Ludovic Malik Marc
Marcel Mathieu Maxime Michel Mickaël Mohamed Moussa Nabil Nicolas Noël Olivier Pascal Patrice Patrick Paul
Philippe Pierre Quentin Raphaël Rémi Renaud Richard Robert Romain Samir Samuel Sébastien Serge Simon Stéphane
Sylvain Théo Thibault Thierry Thomas Timothée Tristan Valentin Vincent Xavier Yann Yannick Yassine Yves`;

export const firstNames: readonly (readonly [string, Gender])[] = [
  ...feminine.split(/\s+/).map((name) => [name, 'f'] as const),
  ...masculine.split(/\s+/).map((name) => [name, 'm'] as const),
];

// Names with a space or an apostrophe are kept whole: "Le Goff", "N'Diaye".
export const lastNames: readonly string[] = `Martin|Bernard|Thomas|Petit|Robert|Richard|Durand|Dubois|Moreau|Laurent|
Simon|Michel|Lefèvre|Leroy|Roux|David|Bertrand|Morel|Fournier|Girard|Bonnet|Dupont|Lambert|Fontaine|Rousseau|
Vincent|Muller|Lefèbvre|Faure|André|Mercier|Blanc|Guérin|Boyer|Garnier|Chevalier|François|Legrand|Gauthier|
Garcia|Perrin|Robin|Clément|Morin|Nicolas|Henry|Roussel|Mathieu|Gautier|Masson|Marchand|Duval|Denis|Dumont|
Marie|Lemaire|Noël|Meyer|Dufour|Meunier|Brun|Blanchard|Giraud|Joly|Rivière|Lucas|Brunet|Gaillard|Barbier|
Arnaud|Martinez|Gérard|Roche|Renard|Schmitt|Roy|Leroux|Colin|Vidal|Caron|Picard|Roger|Fabre|Aubert|Lemoine|
Renaud|Dumas|Lacroix|Olivier|Philippe|Bourgeois|Pierre|Benoît|Rey|Leclerc|Payet|Rolland|Leclercq|Guillaume|
Lecomte|Lopez|Jean|Dupuy|Guillot|Hubert|Berger|Carpentier|Sanchez|Dupuis|Moulin|Louis|Deschamps|Huet|Vasseur|
Perez|Boucher|Fleury|Royer|Klein|Jacquet|Adam|Paris|Poirier|Marty|Aubry|Guyot|Carré|Charles|Renault|
Charpentier|Ménard|Maillard|Baron|Bertin|Bailly|Hervé|Schneider|Fernandez|Le Gall|Collet|Léger|Bouvier|
Julien|Prévost|Millet|Perrot|Daniel|Le Roux|Cousin|Germain|Breton|Besson|Langlois|Rémy|Le Goff|Pelletier|
Lévêque|Perrier|Leblanc|Barré|Lebrun|Marchal|Weber|Mallet|Hamon|Boulanger|Jacob|Monnier|Michaud|Rodriguez|
Guichard|Gillet|Étienne|Grondin|Poulain|Tessier|Chevallier|Collin|Chauvin|Da Silva|Bouchet|Gay|Lemaître|
Bénard|Maréchal|Humbert|Reynaud|Antoine|Hoarau|Perret|Barthélémy|Cordier|Pichon|Lejeune|Gilbert|Lamy|
Delaunay|Pasquier|Carlier|Laporte|Nguyen|Tran|Le Bihan|Pham|Benali|Haddad|Belkacem|Bensaïd|Meziane|Cherif|
Brahimi|Mansouri|Hamidi|Diallo|Traoré|Coulibaly|Diop|N'Diaye|Camara|Konaté|Keïta|Sow|Sy|Cissé|Touré|Fofana|
Kouassi|Mendy|Gomes|Ferreira|Pereira|Rodrigues|Dos Santos|De Oliveira|Fernandes|Lopes|Martins|Costa|Ribeiro|
Almeida|Carvalho|Rossi|Russo|Ferrari|Bianchi|Romano|Cohen|Lévy|Benhamou|Zerbib|Kaplan|Wang|Zhang|Li|Chen|
Lin|Huang|Yilmaz|Kaya|Demir|Öztürk|Petrović|Kowalski|Nowak|D'Almeida|D'Angelo|L'Hôte|Le Corre|Le Floch|
Le Meur|Le Pape|Le Bras|Kerbrat|Tanguy|Riou|Cadiou|Quéré|Jégou|Gourvès|Pons|Bonnefoy|Chabert|Teyssier|
Vialle|Bourdon|Fabré|Estève|Castel|Sabatier|Ducros|Bousquet|Sauvage|Ollivier|Hébert|Lecoq|Leconte|Févrié|
Godard|Hardy|Delmas|Verdier|Bigot|Texier|Hamel|Courtois|Lebon|Thibault|Lemonnier|Boutin|Maury|Vallée|
Bataille|Couturier|Raynaud|Laine|Leduc|Buisson|Joubert|Marin|Drouet|Devaux|Sénéchal|Grégoire|Bazin|Pottier`
  .split('|')
  .map((name) => name.trim())
  .filter(Boolean);
