// interop: parse one feed file with Go's gofeed (Debian golang-github-mmcdole-gofeed-dev) and print, as JSON,
// what its universal Feed/Item model holds: what a Go reader built on gofeed shows.
// Built offline by tests/interop/readers.ts: GOPATH=/usr/share/gocode GO111MODULE=off go build.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
)

type entry struct {
	Title      string   `json:"title"`
	Link       string   `json:"link"`
	ID         string   `json:"id"`
	Published  *string  `json:"published"`
	Updated    *string  `json:"updated"`
	Categories []string `json:"categories"`
	Authors    []string `json:"authors"`
	Content    string   `json:"content"`
	Summary    string   `json:"summary"`
	// The lead image: the first enclosure (RSS enclosure, Atom link rel="enclosure") and the first Media RSS
	// media:content, which gofeed keeps as a generic extension (item.Extensions["media"]), attributes as text.
	Enclosure    *enclosure `json:"enclosure"`
	MediaContent *media     `json:"mediaContent"`
	Caption      *string    `json:"caption"`
	Credit       *string    `json:"credit"`
}

type enclosure struct {
	URL    *string `json:"url"`
	Type   *string `json:"type"`
	Length *string `json:"length"`
}

type media struct {
	URL    *string `json:"url"`
	Medium *string `json:"medium"`
	Type   *string `json:"type"`
	Width  *string `json:"width"`
	Height *string `json:"height"`
}

type feed struct {
	Reader   string  `json:"reader"`
	Format   string  `json:"format"`
	Title    string  `json:"title"`
	Language string  `json:"language"`
	Entries  []entry `json:"entries"`
}

func iso(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.UTC().Format("2006-01-02T15:04:05Z")
	return &s
}

// opt is nil for the empty string: gofeed has "" for an absent attribute.
func opt(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func attr(e ext.Extension, name string) *string {
	if v, ok := e.Attrs[name]; ok {
		return &v
	}
	return nil
}

// child is the text of the first media:<name> inside media:content, as gofeed keeps it (Children by local name).
func child(e ext.Extension, name string) *string {
	if c := e.Children[name]; len(c) > 0 {
		return &c[0].Value
	}
	return nil
}

func image(it *gofeed.Item) (*enclosure, *media, *string, *string) {
	var enc *enclosure
	if len(it.Enclosures) > 0 {
		e := it.Enclosures[0]
		enc = &enclosure{URL: opt(e.URL), Type: opt(e.Type), Length: opt(e.Length)}
	}
	contents := it.Extensions["media"]["content"]
	if len(contents) == 0 {
		return enc, nil, nil, nil
	}
	c := contents[0]
	m := &media{URL: attr(c, "url"), Medium: attr(c, "medium"), Type: attr(c, "type"), Width: attr(c, "width"), Height: attr(c, "height")}
	return enc, m, child(c, "description"), child(c, "credit")
}

func main() {
	file, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer file.Close()
	parsed, err := gofeed.NewParser().Parse(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out := feed{Reader: "gofeed", Format: parsed.FeedType + " " + parsed.FeedVersion, Title: parsed.Title, Language: parsed.Language, Entries: []entry{}}
	for _, it := range parsed.Items {
		authors := []string{}
		for _, a := range it.Authors {
			authors = append(authors, a.Name)
		}
		categories := it.Categories
		if categories == nil {
			categories = []string{}
		}
		enc, m, caption, credit := image(it)
		out.Entries = append(out.Entries, entry{
			Title: it.Title, Link: it.Link, ID: it.GUID, Published: iso(it.PublishedParsed), Updated: iso(it.UpdatedParsed),
			Categories: categories, Authors: authors, Content: it.Content, Summary: it.Description,
			Enclosure: enc, MediaContent: m, Caption: caption, Credit: credit,
		})
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
