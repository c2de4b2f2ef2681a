// interop: parse one feed file with Java's ROME (Debian librome-java) and print, as JSON, what its SyndFeed /
// SyndEntry model holds: what a Java reader or aggregator built on ROME shows.
// Compiled by tests/interop/readers.ts with javac against /usr/share/java/rome.jar and its dependencies.
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

public final class RomeDriver {
  public static void main(String[] args) throws Exception {
    SyndFeed feed = new SyndFeedInput().build(new XmlReader(new File(args[0])));
    StringBuilder out = new StringBuilder();
    out.append("{\"reader\":\"rome\",\"format\":").append(str(feed.getFeedType()))
        .append(",\"title\":").append(str(feed.getTitle()))
        .append(",\"language\":").append(str(feed.getLanguage()))
        .append(",\"entries\":[");
    List<SyndEntry> entries = feed.getEntries();
    for (int i = 0; i < entries.size(); i++) {
      SyndEntry e = entries.get(i);
      if (i > 0) out.append(',');
      List<String> categories = new ArrayList<>();
      for (SyndCategory c : e.getCategories()) categories.add(c.getName());
      out.append("{\"title\":").append(str(e.getTitle()))
          .append(",\"link\":").append(str(e.getLink()))
          .append(",\"id\":").append(str(e.getUri()))
          .append(",\"published\":").append(str(iso(e.getPublishedDate())))
          .append(",\"updated\":").append(str(iso(e.getUpdatedDate())))
          .append(",\"categories\":").append(list(categories))
          .append(",\"authors\":").append(list(authors(e)))
          .append(",\"content\":").append(str(e.getContents().isEmpty() ? null : e.getContents().get(0).getValue()))
          .append(",\"summary\":").append(str(e.getDescription() == null ? null : e.getDescription().getValue()))
          .append(image(e))
          .append('}');
    }
    out.append("]}");
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    stdout.println(out);
  }

  /** SyndEntry#getAuthors holds Atom authors; RSS dc:creator values live in the Dublin Core module (getAuthor is its first). */
  private static List<String> authors(SyndEntry e) {
    List<String> names = new ArrayList<>();
    for (SyndPerson p : e.getAuthors()) names.add(p.getName());
    if (names.isEmpty()) {
      DCModule dc = (DCModule) e.getModule(DCModule.URI);
      if (dc != null) names.addAll(dc.getCreators());
    }
    return names;
  }

  private static final Namespace MEDIA = Namespace.getNamespace("http://search.yahoo.com/mrss/");

  /**
   * The lead image: the first SyndEnclosure (from RSS enclosure or Atom link rel="enclosure"; its length is a long, 0
   * when absent) and the first media:content. Debian ships no rome-modules (its MediaModule), so ROME keeps Media RSS
   * as foreign markup (SyndEntry#getForeignMarkup, JDOM elements): read from there, as a ROME-based reader would.
   */
  private static String image(SyndEntry e) {
    StringBuilder b = new StringBuilder(",\"enclosure\":");
    List<SyndEnclosure> enclosures = e.getEnclosures();
    if (enclosures.isEmpty()) b.append("null");
    else {
      SyndEnclosure x = enclosures.get(0);
      b.append("{\"url\":").append(str(x.getUrl())).append(",\"type\":").append(str(x.getType()))
          .append(",\"length\":").append(x.getLength()).append('}');
    }
    Element content = null;
    for (Element m : e.getForeignMarkup()) {
      if (content == null && m.getName().equals("content") && MEDIA.getURI().equals(m.getNamespaceURI())) content = m;
    }
    if (content == null) return b.append(",\"mediaContent\":null,\"caption\":null,\"credit\":null").toString();
    return b.append(",\"mediaContent\":{\"url\":").append(str(content.getAttributeValue("url")))
        .append(",\"medium\":").append(str(content.getAttributeValue("medium")))
        .append(",\"type\":").append(str(content.getAttributeValue("type")))
        .append(",\"width\":").append(str(content.getAttributeValue("width")))
        .append(",\"height\":").append(str(content.getAttributeValue("height")))
        .append("},\"caption\":").append(str(content.getChildText("description", MEDIA)))
        .append(",\"credit\":").append(str(content.getChildText("credit", MEDIA)))
        .toString();
  }

  private static String iso(Date date) {
    return date == null ? null : DateTimeFormatter.ISO_INSTANT.format(date.toInstant().truncatedTo(ChronoUnit.SECONDS));
  }

  private static String list(List<String> values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) b.append(i > 0 ? "," : "").append(str(values.get(i)));
    return b.append(']').toString();
  }

  private static String str(String value) {
    if (value == null) return "null";
    StringBuilder b = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
