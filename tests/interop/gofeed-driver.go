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
		out.Entries = append(out.Entries, entry{
			Title: it.Title, Link: it.Link, ID: it.GUID, Published: iso(it.PublishedParsed), Updated: iso(it.UpdatedParsed),
			Categories: categories, Authors: authors, Content: it.Content, Summary: it.Description,
		})
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
