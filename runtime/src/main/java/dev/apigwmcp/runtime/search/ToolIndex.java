package dev.apigwmcp.runtime.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The tools as a Lucene index in memory, ranked by BM25 with each {@link SearchField} weighed separately: every
 * query term scores by its best field (plus a share of the others), and a tool's score is the sum over the terms.
 * Built once from the search documents; searching is thread-safe.
 */
public final class ToolIndex {

    private static final String NAME = "name";
    /** How much a term's matches in other fields add to its best field's score. */
    private static final float TIE_BREAKER = 0.2f;

    private final ToolAnalyzer analyzer;
    private final IndexSearcher searcher;
    private final int size;
    private final Acronyms acronyms;

    private ToolIndex(ToolAnalyzer analyzer, IndexSearcher searcher, int size, Acronyms acronyms) {
        this.analyzer = analyzer;
        this.searcher = searcher;
        this.size = size;
        this.acronyms = acronyms;
    }

    /** Indexes the documents (one per tool, names unique). */
    public static ToolIndex of(List<SearchDocument> documents) {
        ToolAnalyzer analyzer = new ToolAnalyzer();
        BM25Similarity similarity = new BM25Similarity();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        // One segment, written by this thread in document order, so equal scores keep the documents' order.
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setSimilarity(similarity)
                .setMergePolicy(NoMergePolicy.INSTANCE)
                .setUseCompoundFile(false)
                .setRAMBufferSizeMB(256)
                .setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH)
                .setCommitOnClose(true);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (SearchDocument document : documents) {
                writer.addDocument(luceneDocument(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an index in memory cannot fail to write", e);
        }
        try {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(similarity);
            return new ToolIndex(analyzer, searcher, documents.size(), Acronyms.of(documents));
        } catch (IOException e) {
            throw new UncheckedIOException("an index in memory cannot fail to open", e);
        }
    }

    private static Document luceneDocument(SearchDocument tool) {
        Document document = new Document();
        document.add(new StoredField(NAME, tool.name()));
        for (SearchField field : SearchField.values()) {
            String text = field == SearchField.VERBS ? MethodVerbs.of(tool.text(field)) : tool.text(field);
            if (!text.isEmpty()) {
                document.add(new TextField(field.field(), text, Field.Store.NO));
            }
        }
        return document;
    }

    /**
     * The query with the acronyms the catalog spells out replaced by their phrases ({@link Acronyms}): what both
     * the words and the meaning are ranked by.
     */
    public String spelled(String query) {
        return acronyms.spell(query);
    }

    /** How many tools the index holds. */
    public int size() {
        return size;
    }

    /**
     * The names of the tools that best fit the query, best first, at most {@code limit}, only those
     * {@code visible} accepts; empty when no word of the query occurs in any tool.
     */
    public List<String> search(String query, int limit, Predicate<String> visible) {
        return scored(query, limit, visible).stream().map(Scored::name).toList();
    }

    /** As {@link #search}, with each tool's BM25 score. */
    public List<Scored> scored(String query, int limit, Predicate<String> visible) {
        Query lucene = query(query);
        if (lucene == null || size == 0) {
            return List.of();
        }
        try {
            List<Scored> hits = new ArrayList<>(limit);
            // Ties keep the index's order (by name); a filter may reject any hit, so then every hit is ranked.
            TopDocs top = searcher.search(lucene, visible == null ? limit : size);
            for (ScoreDoc hit : top.scoreDocs) {
                String name = searcher.storedFields().document(hit.doc).get(NAME);
                if (visible == null || visible.test(name)) {
                    hits.add(new Scored(name, hit.score));
                    if (hits.size() == limit) {
                        break;
                    }
                }
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("an index in memory cannot fail to read", e);
        }
    }

    /** Each query term as the best of its fields' weighted matches; {@code null} when the query has no term. */
    Query query(String text) {
        List<String> terms = analyzer.terms(QueryWords.expand(acronyms.spell(text)));
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            List<Query> fields = new ArrayList<>();
            for (SearchField field : SearchField.values()) {
                fields.add(new BoostQuery(new TermQuery(new Term(field.field(), term)), field.boost()));
            }
            query.add(new DisjunctionMaxQuery(fields, TIE_BREAKER), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }
}
