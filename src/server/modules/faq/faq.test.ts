import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent } from '../../test-support/fixtures.ts';
import { type TestClient, testClient } from '../../test-support/http-client.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';
import { reportSkippedPostgres, testDatabaseKinds } from '../../test-support/test-database.ts';
import { hrOrganisation, signedIn } from '../accounts/test-support.ts';
import { seedDemoFaq } from './demo-faq.ts';
import type { AdminArticle, ArticleList } from './faq.schema.ts';

reportSkippedPostgres();

// Stored XSS attempts an article's author (or whoever stole their session) might type.
const attacks = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">lien</a>',
  '[cliquez](javascript:alert(1))',
  '[cliquez](JaVaScRiPt:alert(1))',
  '[cliquez](java\tscript:alert(1))',
  '[cliquez](&#106;avascript:alert(1))',
  '[cliquez](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[ailleurs](//evil.example/)',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(1)>',
];

for (const kind of testDatabaseKinds()) {
  describe(`FAQ and help centre (${kind})`, () => {
    let t: TestApp;
    let agent: TestClient;
    let otherAgent: TestClient;
    let support: TestClient;
    let hr: TestClient;
    let visitor: TestClient;

    before(async () => {
      t = await createTestApp(kind, { env: { INTERNAL_NETWORKS: '10.0.0.0/8' } });
      const org = await hrOrganisation(t.database.db);
      await seedDemoFaq(t.database.db, t.clock.now());
      agent = await signedIn(t, await createAgent(t.database.db, { department: 'DASCO', firstName: 'Léa', lastName: 'Moreau' }));
      otherAgent = await signedIn(t, await createAgent(t.database.db, { department: 'CASVP', firstName: 'Thomas', lastName: 'Petit' }));
      support = await signedIn(t, await createAgent(t.database.db, { department: 'DASCO', role: 'it_support', firstName: 'Paul', lastName: 'Martin' }));
      hr = await signedIn(t, org.dascoHr);
      visitor = testClient(t.app, { ip: '198.51.100.7' });
    });
    after(async () => t.close());

    const search = async (client: TestClient, query: string): Promise<ArticleList['items']> => {
      const res = await client.get(`/api/help/articles${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items;
    };
    const write = async (body: Record<string, unknown>) => {
      const res = await support.post('/api/support/faq', body);
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as AdminArticle;
    };

    test('stored XSS attempts in an article come out as inert text, and links get rel="noopener noreferrer nofollow"', async () => {
      const body = `${attacks.join('\n\n')}\n\n[Mes bulletins](/mes-bulletins) et https://www.paris.fr et support@paris.fr`;
      await write({ slug: 'essai-xss', title: 'Essai', category: 'autre', body, published: true });
      const res = await visitor.get('/api/help/articles/essai-xss');
      assert.equal(res.statusCode, 200, res.body);
      const html: string = res.json().html;
      // Text never holds a raw "<" (it is escaped): every "<" opens an element the renderer wrote.
      for (const [, name, attributes] of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
        assert.match(name!, /^(p|a|strong|em|ul|ol|li|code|pre|blockquote|h[1-6]|hr|br)$/, `no <${name}> passes`);
        assert.match(attributes!, /^(\s(href|rel)="[^"]*")*$/, `only href and rel attributes, not ${attributes}`);
      }
      assert.doesNotMatch(html, /href="(?!https?:|mailto:|\/[^/])/i, 'every link goes to the web, an e-mail or a portal page');
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'the attempt is shown as text');
      assert.match(html, /<a href="\/mes-bulletins" rel="noopener noreferrer nofollow">Mes bulletins<\/a>/);
      assert.match(html, /<a href="https:\/\/www\.paris\.fr" rel="noopener noreferrer nofollow">/);
      assert.match(html, /<a href="mailto:support@paris\.fr" rel="noopener noreferrer nofollow">/);

      const preview = await support.post('/api/support/faq/preview', { body: '[x](javascript:alert(1)) <b>gras</b> **gras**' });
      assert.equal(preview.statusCode, 200, preview.body);
      assert.equal(preview.json().html, '<p>[x](javascript:alert(1)) &lt;b&gt;gras&lt;/b&gt; <strong>gras</strong></p>\n');
    });

    test('search ignores accents and case, filters by category, and suggests five articles at most', async () => {
      const found = await search(visitor, `?q=${encodeURIComponent('CARTE perdu')}`);
      assert.deepEqual(found.map((a) => a.slug), ['carte-professionnelle-perdue']);
      const accents = await search(visitor, `?q=${encodeURIComponent('bloque')}`);
      assert.equal(accents[0]?.slug, 'compte-bloque', 'typed without accent, « bloqué » is found, title matches first');
      const reverse = await search(visitor, `?q=${encodeURIComponent('télécharger')}`);
      assert.ok(reverse.some((a) => a.slug === 'bulletin-de-paie'));

      const connexion = await search(visitor, '?category=connexion');
      assert.ok(connexion.length >= 3);
      assert.ok(connexion.every((a) => a.category === 'connexion'));

      const suggestions = await search(agent, `?q=${encodeURIComponent('mot de passe')}&suggest=1`);
      assert.ok(suggestions.length > 0 && suggestions.length <= 5);
      assert.ok(['mot-de-passe-oublie', 'changer-mot-de-passe'].includes(suggestions[0]!.slug), 'a title match comes first');

      assert.equal((await search(visitor, `?q=${encodeURIComponent('100%_')}`)).length, 0, '% and _ are not wildcards');
      assert.equal((await visitor.get('/api/help/articles?category=inconnue')).statusCode, 400);
    });

    test('a locked-out agent reads the connection articles without signing in', async () => {
      const res = await visitor.get('/api/help/articles/compte-bloque');
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().title, 'Mon compte est bloqué');
      assert.match(res.json().html, /href="\/connexion\/aide"/);
    });

    test('drafts are hidden from agents and visitors until support publishes them', async () => {
      await write({ slug: 'nouveau-poste', title: 'Installer mon nouveau poste', category: 'materiel', body: 'À venir.', published: false });
      for (const client of [agent, visitor]) {
        assert.equal((await client.get('/api/help/articles/nouveau-poste')).statusCode, 404);
        assert.ok(!(await search(client, '?q=poste')).some((a) => a.slug === 'nouveau-poste'));
      }
      const list = await support.get('/api/support/faq');
      assert.ok(list.json().items.some((a: AdminArticle) => a.slug === 'nouveau-poste' && !a.published), 'support sees its drafts');

      const published = await support.request('PUT', '/api/support/faq/nouveau-poste', {
        title: 'Installer mon nouveau poste',
        category: 'materiel',
        body: 'Branchez **tout**.',
        published: true,
      });
      assert.equal(published.statusCode, 200, published.body);
      assert.equal(published.json().html, '<p>Branchez <strong>tout</strong>.</p>\n');
      assert.equal((await agent.get('/api/help/articles/nouveau-poste')).statusCode, 200);

      const trail = await t.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('target_type', '=', 'faq_article')
        .orderBy('occurred_at')
        .orderBy('id')
        .execute();
      assert.deepEqual(trail.map((e) => e.action).slice(-2), ['faq.create', 'faq.publish']);
    });

    test('« Cet article vous a-t-il aidé ? » counts once per agent and once per browser, and support sees the counts', async () => {
      const vote = (client: TestClient, body: Record<string, unknown>) => client.post('/api/help/articles/mot-de-passe-oublie/vote', body);
      assert.equal((await vote(agent, { helpful: true })).statusCode, 204);
      assert.equal((await vote(agent, { helpful: true })).statusCode, 204);
      assert.equal((await vote(otherAgent, { helpful: false })).statusCode, 204);
      assert.equal((await vote(otherAgent, { helpful: true })).statusCode, 204, 'an agent may change their answer');
      const browserId = 'b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
      assert.equal((await vote(visitor, { helpful: false, browserId })).statusCode, 204);
      assert.equal((await vote(visitor, { helpful: false, browserId })).statusCode, 204);
      assert.equal((await vote(visitor, { helpful: false })).statusCode, 400, 'a visitor sends their browser id');
      assert.equal((await visitor.post('/api/help/articles/nouveau-poste-inconnu/vote', { helpful: true, browserId })).statusCode, 404);

      const article = (await support.get('/api/support/faq/mot-de-passe-oublie')).json() as AdminArticle;
      assert.deepEqual({ helpful: article.helpful, notHelpful: article.notHelpful }, { helpful: 2, notHelpful: 1 });
    });

    test('anonymous votes are rate-limited per address', async () => {
      const sprayer = testClient(t.app, { ip: '198.51.100.99' });
      let status = 0;
      for (let i = 0; i < 40 && status !== 429; i += 1) {
        status = (await sprayer.post('/api/help/articles/compte-bloque/vote', { helpful: true, browserId: `navigateur-${String(i).padStart(10, '0')}` })).statusCode;
      }
      assert.equal(status, 429);
      const counts = (await support.get('/api/support/faq/compte-bloque')).json() as AdminArticle;
      assert.ok(counts.helpful <= 30);
    });

    test('only IT support and administrators write articles; others learn nothing from validation', async () => {
      for (const client of [agent, hr]) {
        assert.equal((await client.get('/api/support/faq')).statusCode, 403);
        assert.equal((await client.post('/api/support/faq', { nonsense: true })).statusCode, 403);
        assert.equal((await client.post('/api/support/faq/preview', { body: 'x' })).statusCode, 403);
      }
      assert.equal((await visitor.get('/api/support/faq')).statusCode, 401);

      const taken = await support.post('/api/support/faq', { slug: 'compte-bloque', title: 'Doublon', category: 'connexion', body: 'x', published: false });
      assert.equal(taken.statusCode, 400);
      assert.equal(taken.json().errors[0].field, 'slug');
      const invalid = await support.post('/api/support/faq', { slug: 'Pas Valide', title: 'x', category: 'rh', body: '', published: false });
      assert.equal(invalid.statusCode, 400);
      assert.equal((await support.request('PUT', '/api/support/faq/inexistant', { title: 'Titre', category: 'rh', body: 'x', published: false })).statusCode, 404);
    });
  });
}
