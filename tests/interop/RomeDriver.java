// interop: parse one feed file with Java's ROME (Debian librome-java) and print, as JSON, what its SyndFeed /
// SyndEntry model holds: what a Java reader or aggregator built on ROME shows.
// Compiled by tests/interop/readers.ts with javac against /usr/share/java/rome.jar and its dependencies.
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
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
