//! Quizzes the compiler grades.
//!
//! A chapter's questions are written in `src/quizzes/CHAPTER.toml` (the chapter is
//! `src/CHAPTER.md`). Each question is built on a listing the chapter shows, named as the
//! chapter's include names it (`listings/fail/NAME.rs`, or `listings/examples/NAME.rs:anchor`),
//! and asks one of three things:
//!
//! - `ask = "compiles"`: does this compile? The answer is where the listing lives: a folder of
//!   passing listings (cargo test builds and runs them) or of failing ones (trybuild checks
//!   their snapshot). For a failing listing the explanation quotes the snapshot's first error.
//!   The reader must be able to judge the answer from the code the question shows, so that code
//!   is compiled as shown (rustc, with the crates the listings use; a program if it has a
//!   `fn main`, else a library) and must get the listing's verdict on its own: it compiles if
//!   the listing does, and fails with the snapshot's first error if the listing fails. A part
//!   that leaves out what decides the verdict (its `use` lines, a hidden `tokio::spawn`) fails
//!   the check: show the whole listing, or an anchor that holds all of it. Whether a comment in
//!   the code gives the answer away is for the author to see; no check reads comments.
//! - `ask = "not-send"`: which value makes the future not `Send`? `options` are values of the
//!   listing; the answer is the one the snapshot names (rustc's "with `x` maybe used later", or
//!   the value underlined by "has type `T` which is not `Send`").
//! - `ask = "fix"`: which fix works? Each `[[question.fix]]` is a listing the chapter shows and a
//!   sentence saying what it changes; the answer is the one fix whose listing compiles.
//!
//! An author may write the answer (`answer = "no"`, `answer = "words"`, `answer =
//! "listings/examples/NAME.rs:anchor"`); it is checked against the derived one, never used in
//! its place. [`generate`] makes `src/generated/quizzes/CHAPTER.md`, which the chapter includes
//! near its end. It is an HTML fragment with no blank line (one HTML block for mdBook's parser);
//! it is named `.md` because mdBook copies every other file of src/ into the built book as a
//! page of its own, where the fragment's `#section` links would lead nowhere. `cargo run -p
//! quizzes` writes the files, and `cargo test` (tests/pages.rs) fails on a wrong stated answer, a
//! listing that no longer exists or is no longer shown, or a page that is stale, naming the file
//! and line.

use book_tests::markdown::{Chapter, events, fences, includes, normalize};
use mdbook_markdown::pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Where the quiz sources are, relative to the book's root.
pub const SOURCES: &str = "src/quizzes";
/// Where the generated pages go.
pub const OUT_DIR: &str = "src/generated/quizzes";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    question: Vec<Spanned<Question>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Question {
    ask: Spanned<String>,
    listing: Spanned<String>,
    #[serde(default)]
    options: Vec<Spanned<String>>,
    #[serde(default)]
    fix: Vec<Spanned<Fix>>,
    answer: Option<Spanned<String>>,
    explain: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fix {
    listing: Spanned<String>,
    text: String,
}

/// A rust block a chapter shows: which listing (and anchor), the lines the reader sees, and the
/// section it stands in.
struct Shown {
    /// `listings/examples/NAME.rs` or `listings/examples/NAME.rs:anchor`, from the book's root.
    key: String,
    path: PathBuf,
    code: Vec<String>,
    section_id: String,
    section_html: String,
}

/// What the harness knows of a listing: it compiles (it lives among the passing listings), or
/// it fails with the snapshot beside it.
enum Verdict {
    Compiles {
        dir: &'static str,
    },
    Fails {
        stderr_path: String,
        stderr: String,
        first_error: String,
    },
}

/// Every quiz page: (`src/generated/quizzes/CHAPTER.md`, its text). On problems, all of them,
/// one per line, each `file:line: message`.
pub fn generate(root: &Path) -> Result<Vec<(String, String)>, String> {
    let (pages, problems) = generate_each(root)?;
    if problems.is_empty() {
        Ok(pages)
    } else {
        Err(problems.join("\n"))
    }
}

/// Pages (path, text) and problems (`file:line: message`).
pub type PagesAndProblems = (Vec<(String, String)>, Vec<String>);

/// The pages of the sources that have no problem, and the problems of the others (each
/// `file:line: message`); `Err` when no source can be read at all.
pub fn generate_each(root: &Path) -> Result<PagesAndProblems, String> {
    let mut sources: Vec<PathBuf> = fs::read_dir(root.join(SOURCES))
        .map_err(|e| format!("{SOURCES}:1: cannot read the quiz sources: {e}"))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    sources.sort();
    if sources.is_empty() {
        return Err(format!("{SOURCES}:1: no quiz source (CHAPTER.toml) here"));
    }
    let chapters = book_tests::load::chapters(root)?;
    let mut pages = Vec::new();
    let mut problems = Vec::new();
    for source in &sources {
        let stem = source
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let rel = format!("{SOURCES}/{stem}.toml");
        let text = fs::read_to_string(source).map_err(|e| format!("{rel}:1: {e}"))?;
        match page(root, &chapters, &rel, &stem, &text) {
            Ok(html) => pages.push((format!("{OUT_DIR}/{stem}.md"), html)),
            Err(mut p) => problems.append(&mut p),
        }
    }
    Ok((pages, problems))
}

/// The 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// One chapter's quiz page from its source `text` (`rel` is the source's path, for messages).
fn page(
    root: &Path,
    chapters: &[Chapter],
    rel: &str,
    stem: &str,
    text: &str,
) -> Result<String, Vec<String>> {
    let source: Source = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        vec![format!("{rel}:{line}: {}", e.message())]
    })?;
    let chapter_path = PathBuf::from(format!("src/{stem}.md"));
    let Some(chapter) = chapters.iter().find(|c| c.path == chapter_path) else {
        return Err(vec![format!(
            "{rel}:1: no chapter {} in SUMMARY.md for this quiz (the source is named after its chapter)",
            chapter_path.display()
        )]);
    };
    let shown = shown_blocks(root, chapter);
    let slug = chapter.slug().replace('_', "-");
    let mut problems = Vec::new();
    let mut questions = Vec::new();
    let total = source.question.len();
    if total < 3 {
        problems.push(format!(
            "{rel}:1: {total} questions: a chapter's quiz has at least three"
        ));
    }
    for (i, q) in source.question.iter().enumerate() {
        let at = |offset: usize| format!("{rel}:{}", line_of(text, offset));
        match question(root, chapter, &shown, q.get_ref(), &at, &slug, i + 1, total) {
            Ok(html) => questions.push(html),
            Err(mut p) => problems.append(&mut p),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<!-- Generated by `cargo run -p quizzes` from {rel}; the answers come from the listings and their snapshots. Do not edit. -->"
    );
    let _ = writeln!(h, "<section class=\"quiz\" data-quiz=\"{slug}\">");
    let _ = writeln!(h, "<h2 id=\"quiz\">Quiz</h2>");
    let _ = writeln!(
        h,
        "<p class=\"quiz-intro\">{total} questions on listings of this chapter. The compiler answers them: each answer is what <code>cargo test</code> finds when it builds the listing, never typed by hand.</p>"
    );
    for q in questions {
        h.push_str(&q);
    }
    h.push_str("</section>\n");
    Ok(h)
}

/// Every rust block of the chapter that includes one listing, with the code as the reader sees
/// it (mdBook's expansion, rustdoc's hidden lines left out) and the heading above it.
fn shown_blocks(root: &Path, chapter: &Chapter) -> Vec<Shown> {
    let raw: Vec<_> = fences(&chapter.raw)
        .into_iter()
        .filter(|f| f.lang() == "rust")
        .collect();
    let expanded: Vec<_> = fences(&chapter.expanded)
        .into_iter()
        .filter(|f| f.lang() == "rust")
        .collect();
    let sections = sections_of_rust_blocks(&chapter.expanded);
    let chapter_dir = root.join(chapter.path.parent().unwrap_or(Path::new("")));
    let mut out = Vec::new();
    for (k, (r, e)) in raw.iter().zip(&expanded).enumerate() {
        let Some(Ok(inc)) = includes(r.body.join("\n").trim()).into_iter().next() else {
            continue;
        };
        let abs = inc.resolve(&chapter_dir);
        let path = abs
            .strip_prefix(normalize(root))
            .map(Path::to_path_buf)
            .unwrap_or(abs);
        let key = match &inc.selector {
            Some(s) => format!("{}:{s}", path.display()),
            None => path.display().to_string(),
        };
        let mut code: Vec<String> = e.body.iter().filter(|l| !is_hidden(l)).cloned().collect();
        while code.first().is_some_and(|l| l.trim().is_empty()) {
            code.remove(0);
        }
        while code.last().is_some_and(|l| l.trim().is_empty()) {
            code.pop();
        }
        let (section_id, section_html) = sections.get(k).cloned().unwrap_or_default();
        out.push(Shown {
            key,
            path,
            code,
            section_id,
            section_html,
        });
    }
    out
}

/// rustdoc's hidden line: `# ` or a lone `#` (mdBook hides these in rust blocks).
fn is_hidden(line: &str) -> bool {
    let t = line.trim_start();
    t == "#" || t.starts_with("# ")
}

/// For each rust code block of `text`, in order: the id and HTML title of the heading above it,
/// with ids as mdBook 0.5.4 gives them (an explicit `{#id}`, or `id_from_content` made unique).
fn sections_of_rust_blocks(text: &str) -> Vec<(String, String)> {
    let mut used = BTreeSet::new();
    let mut current = (String::new(), String::new());
    let mut heading: Option<(String, String, Option<String>)> = None;
    let mut out = Vec::new();
    for (event, _) in events(text) {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                heading = Some((String::new(), String::new(), id.map(|i| i.to_string())))
            }
            Event::Text(t) => {
                if let Some((plain, html, _)) = &mut heading {
                    plain.push_str(&t);
                    html.push_str(&esc(&t));
                }
            }
            Event::Code(t) => {
                if let Some((plain, html, _)) = &mut heading {
                    plain.push_str(&t);
                    let _ = write!(html, "<code>{}</code>", esc(&t));
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((plain, html, explicit)) = heading.take() {
                    let id =
                        explicit.unwrap_or_else(|| unique(&id_from_content(&plain), &mut used));
                    current = (id, html);
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.split(|c: char| c == ',' || c.is_whitespace()).next() == Some("rust") =>
            {
                out.push(current.clone());
            }
            _ => {}
        }
    }
    out
}

use book_tests::links::{id_from_content, unique};

/// The listing a question names, as the chapter shows it; or a message saying why not.
fn find_shown<'a>(
    root: &Path,
    chapter: &Chapter,
    shown: &'a [Shown],
    key: &str,
) -> Result<&'a Shown, String> {
    let file = key
        .split_once(".rs:")
        .map_or(key.to_owned(), |(f, _)| format!("{f}.rs"));
    if !root.join(&file).is_file() {
        return Err(format!(
            "listing `{file}` does not exist: the question is about a listing the book no longer has"
        ));
    }
    shown.iter().find(|s| s.key == key).ok_or_else(|| {
        let same_file: Vec<&str> = shown
            .iter()
            .filter(|s| s.path == Path::new(&file))
            .map(|s| s.key.as_str())
            .collect();
        let hint = if same_file.is_empty() {
            String::new()
        } else {
            format!(" (it shows {})", same_file.join(", "))
        };
        format!(
            "{} does not show `{key}`{hint}: a question is built on a block the chapter shows",
            chapter.path.display()
        )
    })
}

/// Where a listing lives decides whether it compiles: the folders of tests/src/settings.rs.
fn verdict(root: &Path, path: &Path) -> Result<Verdict, String> {
    let dir = path
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some((dir, failing)) = book_tests::settings::listing_dirs()
        .into_iter()
        .find(|(d, _)| *d == dir)
    else {
        return Err(format!(
            "`{}` is in no listing folder, so the harness does not say whether it compiles",
            path.display()
        ));
    };
    if !failing {
        return Ok(Verdict::Compiles { dir });
    }
    let stderr_path = path.with_extension("stderr").display().to_string();
    let stderr = fs::read_to_string(root.join(&stderr_path))
        .map_err(|e| format!("{stderr_path}: {e}: a failing listing needs its snapshot"))?;
    let first_error = book_tests::lints::errors(&stderr)
        .first()
        .map(|(_, l)| l.to_string())
        .ok_or_else(|| format!("{stderr_path} shows no error line"))?;
    Ok(Verdict::Fails {
        stderr_path,
        stderr,
        first_error,
    })
}

/// The value a snapshot says the future holds across an `.await` and is not `Send`, with its
/// type: rustc's "with `x` maybe used later" (all of them naming one value), or else the source
/// text underlined by "has type `T` which is not `Send`".
pub fn not_send_value(stderr: &str) -> Result<(String, String), String> {
    let ty = between(stderr, "has type `", "` which is not `Send`")
        .ok_or("the snapshot says of no value that it \"has type `T` which is not `Send`\"")?;
    let mut named: Vec<String> = Vec::new();
    let mut rest = stderr;
    while let Some(start) = rest.find("with `") {
        let after = &rest[start + 6..];
        match after.find("` maybe used later") {
            Some(end) if !after[..end].contains('`') => {
                let name = after[..end]
                    .strip_prefix("mut ")
                    .unwrap_or(&after[..end])
                    .to_owned();
                if !named.contains(&name) {
                    named.push(name);
                }
                rest = &after[end..];
            }
            _ => rest = after,
        }
    }
    match named.as_slice() {
        [one] => return Ok((one.clone(), ty.to_owned())),
        [] => {}
        more => {
            return Err(format!(
                "the snapshot names more than one value ({})",
                more.join(", ")
            ));
        }
    }
    // No "maybe used later": the value underlined on the line above "has type".
    let lines: Vec<&str> = stderr.lines().collect();
    for (i, line) in lines.iter().enumerate().skip(1) {
        let Some(at) = line.find(" has type `") else {
            continue;
        };
        let before = &line[..at];
        let marks_end = before.len();
        let marks_start = before.trim_end_matches(['-', '^']).len();
        if marks_start == marks_end {
            continue;
        }
        let source = lines[i - 1];
        if let Some(value) = source.get(marks_start..marks_end) {
            return Ok((value.trim().to_owned(), ty.to_owned()));
        }
    }
    Err("the snapshot names no value: neither \"with `x` maybe used later\" nor a value underlined by \"has type\"".into())
}

/// What rustc's note says of the value, as the end of "rustc says ... and ...": held across an
/// `.await`, or captured (an argument, or a variable an `async` block captures), which the future
/// holds from its first state on.
pub fn how_held(stderr: &str, value: &str) -> &'static str {
    if stderr.contains(&format!("with `{value}` maybe used later"))
        || stderr.contains(&format!("with `mut {value}` maybe used later"))
    {
        "that the future holds it across an <code>.await</code>"
    } else if stderr.contains("note: captured value is not `Send`") {
        "that the future captured it, so holds it from its first state on"
    } else {
        "that the future holds it"
    }
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

/// The HTML of one question, or its problems.
#[allow(clippy::too_many_arguments)]
fn question(
    root: &Path,
    chapter: &Chapter,
    shown: &[Shown],
    q: &Question,
    at: &dyn Fn(usize) -> String,
    slug: &str,
    number: usize,
    total: usize,
) -> Result<String, Vec<String>> {
    let here = at(q.listing.span().start);
    let block = find_shown(root, chapter, shown, q.listing.get_ref())
        .map_err(|e| vec![format!("{here}: {e}")])?;
    let listing_verdict = verdict(root, &block.path).map_err(|e| vec![format!("{here}: {e}")])?;
    let section = section_link(block);
    let ask = q.ask.get_ref().as_str();
    // (the question's words, the options as HTML, the index of the right one, what the compiler says)
    let (prompt, options, right, says): (&str, Vec<String>, usize, String) = match ask {
        "compiles" => {
            if !q.options.is_empty() || !q.fix.is_empty() {
                return Err(vec![format!(
                    "{}: a `compiles` question has no `options` or `fix`: its options are yes and no",
                    at(q.ask.span().start)
                )]);
            }
            let (right, derived, says) = match &listing_verdict {
                Verdict::Compiles { dir } => (
                    0,
                    "yes",
                    format!(
                        "<p class=\"quiz-said\">It compiles: <code>{}</code> is one of the passing listings (<code>{dir}/</code>), which <code>cargo test</code> builds and runs.</p>",
                        esc(&block.path.display().to_string())
                    ),
                ),
                Verdict::Fails {
                    stderr_path,
                    first_error,
                    ..
                } => (
                    1,
                    "no",
                    format!(
                        "<p class=\"quiz-said\">It does not compile. rustc stops with <code>{}</code> (the first error of its snapshot, <code>{}</code>).</p>",
                        esc(first_error),
                        esc(stderr_path)
                    ),
                ),
            };
            check_stated(q, at, derived, &listing_verdict)?;
            judged_as_shown(block, &listing_verdict).map_err(|e| {
                vec![format!(
                    "{here}: `{}`: {e}: a reader judges what the question shows; show the whole listing, or an anchor that holds everything that decides the verdict (its `use` lines too)",
                    q.listing.get_ref()
                )]
            })?;
            (
                "Does this compile?",
                vec!["Yes".into(), "No".into()],
                right,
                says,
            )
        }
        "not-send" => {
            let Verdict::Fails {
                stderr_path,
                stderr,
                ..
            } = &listing_verdict
            else {
                return Err(vec![format!(
                    "{here}: `{}` compiles, so no value makes its future not `Send`: a `not-send` question needs a failing listing",
                    q.listing.get_ref()
                )]);
            };
            let (value, ty) =
                not_send_value(stderr).map_err(|e| vec![format!("{here}: {stderr_path}: {e}")])?;
            if q.options.len() < 2 {
                return Err(vec![format!(
                    "{}: a `not-send` question needs at least two `options`, values the listing shows",
                    at(q.ask.span().start)
                )]);
            }
            let visible = block.code.join("\n");
            let mut problems = Vec::new();
            for o in &q.options {
                if !visible.contains(o.get_ref().as_str()) {
                    problems.push(format!(
                        "{}: option `{}` does not appear in the code the chapter shows",
                        at(o.span().start),
                        o.get_ref()
                    ));
                }
            }
            let Some(right) = q.options.iter().position(|o| *o.get_ref() == value) else {
                problems.push(format!(
                    "{}: none of the options is `{value}`, the value {stderr_path} names",
                    at(q.ask.span().start)
                ));
                return Err(problems);
            };
            if !problems.is_empty() {
                return Err(problems);
            }
            check_stated(q, at, &value, &listing_verdict)?;
            let how = how_held(stderr, &value);
            let says = format!(
                "<p class=\"quiz-said\"><code>{}</code>: rustc says it has type <code>{}</code>, which is not <code>Send</code>, and {how} (snapshot <code>{}</code>).</p>",
                esc(&value),
                esc(&ty),
                esc(stderr_path)
            );
            (
                "Which value makes this future not <code>Send</code>?",
                q.options
                    .iter()
                    .map(|o| format!("<code>{}</code>", esc(o.get_ref())))
                    .collect(),
                right,
                says,
            )
        }
        "fix" => {
            if !matches!(listing_verdict, Verdict::Fails { .. }) {
                return Err(vec![format!(
                    "{here}: `{}` compiles: a `fix` question starts from a failing listing",
                    q.listing.get_ref()
                )]);
            }
            if q.fix.len() < 2 || !q.options.is_empty() {
                return Err(vec![format!(
                    "{}: a `fix` question has two or more `[[question.fix]]` (a listing and a sentence each), and no `options`",
                    at(q.ask.span().start)
                )]);
            }
            let mut problems = Vec::new();
            let mut lines = Vec::new();
            let mut working = Vec::new();
            for (i, f) in q.fix.iter().enumerate() {
                let f = f.get_ref();
                let fat = at(f.listing.span().start);
                let fix_block = match find_shown(root, chapter, shown, f.listing.get_ref()) {
                    Ok(b) => b,
                    Err(e) => {
                        problems.push(format!("{fat}: {e}"));
                        continue;
                    }
                };
                match verdict(root, &fix_block.path) {
                    Ok(Verdict::Compiles { .. }) => {
                        working.push(i);
                        lines.push(format!(
                            "<li><strong>Compiles:</strong> {} Shown in {}.</li>",
                            esc_text(&f.text),
                            section_link(fix_block)
                        ));
                    }
                    Ok(Verdict::Fails { first_error, .. }) => {
                        lines.push(format!("<li><strong>Does not compile</strong> (<code>{}</code>): {} Shown in {}.</li>", esc(&first_error), esc_text(&f.text), section_link(fix_block)));
                    }
                    Err(e) => problems.push(format!("{fat}: {e}")),
                }
            }
            if !problems.is_empty() {
                return Err(problems);
            }
            let right = match working.as_slice() {
                [one] => *one,
                none_or_more => {
                    let names: Vec<String> = none_or_more
                        .iter()
                        .map(|&i| format!("`{}`", q.fix[i].get_ref().listing.get_ref()))
                        .collect();
                    return Err(vec![format!(
                        "{}: a `fix` question needs exactly one fix whose listing compiles; {} do{}",
                        at(q.ask.span().start),
                        none_or_more.len(),
                        if names.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", names.join(", "))
                        }
                    )]);
                }
            };
            let derived = q.fix[right].get_ref().listing.get_ref().clone();
            check_stated(q, at, &derived, &listing_verdict)?;
            let says = format!(
                "<p class=\"quiz-said\">The fixes, as the chapter's listings show them:</p>\n<ul class=\"quiz-fixes\">\n{}\n</ul>",
                lines.join("\n")
            );
            (
                "This does not compile. Which fix works?",
                q.fix.iter().map(|f| esc_text(&f.get_ref().text)).collect(),
                right,
                says,
            )
        }
        other => {
            return Err(vec![format!(
                "{}: unknown question kind `{other}` (known: compiles, not-send, fix)",
                at(q.ask.span().start)
            )]);
        }
    };
    let id = format!("quiz-{slug}-{number}");
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<form class=\"quiz-question\" data-answer=\"{right}\" data-listing=\"{}\">",
        esc(q.listing.get_ref())
    );
    let _ = writeln!(h, "<fieldset>");
    let _ = writeln!(
        h,
        "<legend><span class=\"quiz-number\">Question {number} of {total}.</span> {prompt}</legend>"
    );
    let _ = writeln!(
        h,
        "<pre class=\"quiz-code\"><code class=\"lang-rust\">{}</code></pre>",
        code_html(&block.code)
    );
    let _ = writeln!(h, "<div class=\"quiz-options\">");
    for (i, o) in options.iter().enumerate() {
        let _ = writeln!(
            h,
            "<label class=\"quiz-option\"><input type=\"radio\" name=\"{id}\" value=\"{i}\"> <span>{o}</span></label>"
        );
    }
    let _ = writeln!(h, "</div>");
    let _ = writeln!(
        h,
        "<button type=\"submit\" class=\"quiz-check\" hidden>Check</button>"
    );
    let _ = writeln!(
        h,
        "<p class=\"quiz-feedback\" role=\"status\" aria-live=\"polite\"></p>"
    );
    let _ = writeln!(h, "</fieldset>");
    let _ = writeln!(h, "<details class=\"quiz-answer\">");
    let _ = writeln!(h, "<summary>Answer</summary>");
    let _ = writeln!(
        h,
        "<p class=\"quiz-right\">Answer: <strong>{}</strong></p>",
        options[right]
    );
    let _ = writeln!(h, "{says}");
    if let Some(explain) = &q.explain {
        let _ = writeln!(
            h,
            "<p class=\"quiz-explain\">{}</p>",
            esc_text(explain.trim())
        );
    }
    let _ = writeln!(
        h,
        "<p class=\"quiz-section\">The chapter shows it in {section}.</p>"
    );
    let _ = writeln!(h, "</details>");
    let _ = writeln!(h, "</form>");
    // A blank line would end mdBook's HTML block; the generated page never has one.
    debug_assert!(!h.contains("\n\n"));
    Ok(h)
}

/// The code a question shows, compiled on its own as the reader sees it, gets the listing's
/// verdict: it compiles when the listing compiles, and its first error is the snapshot's when
/// the listing fails. `Err` says what it does instead.
fn judged_as_shown(block: &Shown, listing: &Verdict) -> Result<(), String> {
    let edition = if block.path.starts_with("listings/edition2021") {
        "2021"
    } else if block.path.starts_with("listings/examples") || block.path.starts_with("listings/fail")
    {
        "2024"
    } else {
        return Err(format!(
            "`{}` needs a toolchain or crate feature of its own, so the code shown cannot be compiled alone here; ask about a listing of listings/examples, listings/fail or listings/edition2021",
            block.path.display()
        ));
    };
    let source = block.code.join("\n") + "\n";
    let shown = first_error_alone(&source, edition)?;
    match (listing, shown) {
        (Verdict::Compiles { .. }, None) => Ok(()),
        (Verdict::Compiles { .. }, Some(error)) => Err(format!(
            "the listing compiles, but the code shown, compiled alone, does not: `{error}`"
        )),
        (Verdict::Fails { first_error, .. }, None) => Err(format!(
            "the listing fails with `{first_error}`, but the code shown, compiled alone, compiles: what makes it fail is not shown"
        )),
        (
            Verdict::Fails {
                first_error,
                stderr_path,
                ..
            },
            Some(error),
        ) if error != *first_error => Err(format!(
            "the code shown, compiled alone, fails with `{error}`, not with the first error of {stderr_path}, `{first_error}`"
        )),
        (Verdict::Fails { .. }, Some(_)) => Ok(()),
    }
}

/// `rustc -vV`, the deps folder and the library of each crate the listings use: the same for
/// every question of a run, so looked up once (the deps folder holds thousands of files).
#[allow(clippy::type_complexity)]
fn compiler_and_libraries()
-> Result<&'static (Vec<u8>, PathBuf, Vec<(&'static str, PathBuf)>), String> {
    static ONCE: std::sync::OnceLock<
        Result<(Vec<u8>, PathBuf, Vec<(&'static str, PathBuf)>), String>,
    > = std::sync::OnceLock::new();
    ONCE.get_or_init(|| {
        let deps = layouts::deps_dir()?;
        let libraries = layouts::libraries(&deps)?;
        let version = std::process::Command::new("rustc")
            .arg("-vV")
            .output()
            .map_err(|e| format!("cannot run rustc: {e}"))?
            .stdout;
        Ok((version, deps, libraries))
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// The first error rustc reports for `source` (`None`: it compiles), checked as a program when
/// it has a `fn main`, else as a library, with `--extern` for each crate the listings use.
///
/// rustc's answer is kept in `target/quizzes/cache`, keyed by everything it reads: the source,
/// the arguments, the compiler (`rustc -vV`) and the size and modification time of each
/// library. `QUIZZES_NO_CACHE=1` turns the cache off.
fn first_error_alone(source: &str, edition: &str) -> Result<Option<String>, String> {
    use std::hash::{Hash, Hasher};
    use std::process::Command;
    let (version, deps, libraries) = compiler_and_libraries()?;
    let crate_type = if source
        .lines()
        .any(|l| l.starts_with("fn main()") || l.starts_with("async fn main()"))
    {
        "bin"
    } else {
        "lib"
    };
    let args = [
        "--edition",
        edition,
        "--crate-type",
        crate_type,
        "--crate-name",
        "shown",
        "--emit=metadata",
    ];
    let mut key = std::hash::DefaultHasher::new();
    (version, source, args, deps).hash(&mut key);
    for (krate, path) in libraries {
        let meta = fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
        (krate, path, meta.len(), meta.modified().ok()).hash(&mut key);
    }
    let key = format!("{:016x}", key.finish());
    // target/debug/deps -> target/quizzes
    let work = deps
        .parent()
        .and_then(Path::parent)
        .ok_or("the deps folder has no target folder above it")?
        .join("quizzes");
    let cached = work.join("cache").join(format!("{key}.txt"));
    if std::env::var_os("QUIZZES_NO_CACHE").is_none()
        && let Ok(text) = fs::read_to_string(&cached)
    {
        return Ok(text
            .strip_prefix("error")
            .map(|_| text.trim_end().to_owned()));
    }
    // One folder per call: tests of this process may compile the same source at once.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let scratch = work.join(format!("scratch-{}-{call}-{key}", std::process::id()));
    fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let file = scratch.join("shown.rs");
    fs::write(&file, source).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut cmd = Command::new("rustc");
    cmd.args(args)
        .arg("--out-dir")
        .arg(&scratch)
        .arg("-L")
        .arg(format!("dependency={}", deps.display()));
    for (krate, path) in libraries {
        cmd.arg("--extern")
            .arg(format!("{krate}={}", path.display()));
    }
    let out = cmd
        .arg(&file)
        .output()
        .map_err(|e| format!("cannot run rustc: {e}"))?;
    let _ = fs::remove_dir_all(&scratch);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let first = book_tests::lints::errors(&stderr)
        .first()
        .map(|(_, l)| l.to_string());
    if out.status.success() != first.is_none() {
        return Err(format!(
            "rustc {} but printed {} error line:\n{stderr}",
            if out.status.success() {
                "succeeded"
            } else {
                "failed"
            },
            if first.is_some() { "an" } else { "no" }
        ));
    }
    // Written whole, then renamed: a concurrent run never reads half an entry.
    let tmp = cached.with_extension(format!("{}-{call}.tmp", std::process::id()));
    let _ = fs::create_dir_all(work.join("cache"))
        .and_then(|()| fs::write(&tmp, first.as_deref().unwrap_or("compiles")))
        .and_then(|()| fs::rename(&tmp, &cached));
    Ok(first)
}

/// Checks the author's answer, if any, against the derived one.
fn check_stated(
    q: &Question,
    at: &dyn Fn(usize) -> String,
    derived: &str,
    v: &Verdict,
) -> Result<(), Vec<String>> {
    let Some(stated) = &q.answer else {
        return Ok(());
    };
    if stated.get_ref() == derived {
        return Ok(());
    }
    let why = match v {
        Verdict::Compiles { dir } => format!(
            "`{}` is in {dir}/, which cargo test builds",
            q.listing.get_ref()
        ),
        Verdict::Fails {
            stderr_path,
            first_error,
            ..
        } => format!(
            "`{}` fails to compile ({stderr_path}: {first_error})",
            q.listing.get_ref()
        ),
    };
    Err(vec![format!(
        "{}: the stated answer `{}` is wrong: the compiler says `{derived}` ({why})",
        at(stated.span().start),
        stated.get_ref()
    )])
}

/// `[the section's title](#id)`.
fn section_link(block: &Shown) -> String {
    if block.section_id.is_empty() {
        "this chapter".into()
    } else {
        format!(
            "<a href=\"#{}\">{}</a>",
            esc(&block.section_id),
            block.section_html
        )
    }
}

/// The code of a block, escaped, as one line: newlines as `&#10;` (a blank line would end the
/// HTML block in the chapter's markdown) and `{{` as `&#123;{` (mdBook would read `{{#` as a
/// directive).
fn code_html(code: &[String]) -> String {
    code.iter()
        .map(|l| esc(l))
        .collect::<Vec<_>>()
        .join("&#10;")
        .replace("{{", "&#123;{")
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An author's sentence: escaped, `code` in backticks as <code>, no blank lines.
fn esc_text(s: &str) -> String {
    let mut out = String::new();
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", esc(part));
        } else {
            out.push_str(&esc(part));
        }
    }
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("{{", "&#123;{")
}

/// The first line where two texts differ: (line, on disk, generated).
pub fn first_difference(on_disk: &str, generated: &str) -> Option<(usize, String, String)> {
    let (a, b): (Vec<&str>, Vec<&str>) = (on_disk.lines().collect(), generated.lines().collect());
    (0..a.len().max(b.len()))
        .find(|&i| a.get(i) != b.get(i))
        .map(|i| {
            let cut = |s: Option<&&str>| {
                s.map_or("(nothing)".to_owned(), |s| s.chars().take(160).collect())
            };
            (i + 1, cut(a.get(i)), cut(b.get(i)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_is_the_one_maybe_used_later() {
        let s = "  |         ----------- has type `std::sync::MutexGuard<'_, Vec<String>>` which is not `Send`\n  |  ^^^^^ await occurs here, with `mut entries` maybe used later\n";
        assert_eq!(
            not_send_value(s).unwrap(),
            (
                "entries".into(),
                "std::sync::MutexGuard<'_, Vec<String>>".into()
            )
        );
    }

    #[test]
    fn without_maybe_used_later_the_value_is_the_underlined_one() {
        let s = "  | async fn total(numbers: Rc<Vec<u32>>) -> u32 {\n  |                ^^^^^^^ has type `Rc<Vec<u32>>` which is not `Send`\n";
        assert_eq!(
            not_send_value(s).unwrap(),
            ("numbers".into(), "Rc<Vec<u32>>".into())
        );
    }

    #[test]
    fn a_captured_value_is_not_said_to_be_held_across_an_await() {
        let captured = "note: captured value is not `Send`\n  | async fn total(numbers: Rc<Vec<u32>>) -> u32 {\n  |                ^^^^^^^ has type `Rc<Vec<u32>>` which is not `Send`\n";
        assert_eq!(
            how_held(captured, "numbers"),
            "that the future captured it, so holds it from its first state on"
        );
        let held = "note: future is not `Send` as this value is used across an await\n  |  ^^^^^ await occurs here, with `mut rng` maybe used later\n";
        assert_eq!(
            how_held(held, "rng"),
            "that the future holds it across an <code>.await</code>"
        );
    }

    #[test]
    fn two_values_or_none_are_errors() {
        let two = "has type `A` which is not `Send`\nwith `a` maybe used later\nwith `b` maybe used later\n";
        assert!(
            not_send_value(two)
                .unwrap_err()
                .contains("more than one value (a, b)")
        );
        assert!(not_send_value("error: future cannot be sent\n").is_err());
    }

    #[test]
    fn code_has_no_blank_line_and_no_directive() {
        let html = code_html(&[
            "fn main() {".into(),
            "".into(),
            "    println!(\"{{#x}} <&>\");".into(),
            "}".into(),
        ]);
        assert!(!html.contains('\n') && !html.contains("{{"), "{html}");
        assert!(html.contains("&lt;&amp;&gt;"));
    }

    /// A book of one chapter showing a failing listing, an anchored passing one and a second
    /// passing one, with the quiz source `quiz`.
    fn book(quiz: &str) -> book_tests::scratch::Scratch {
        let chapter = "# Demo\n\n## The problem\n\n```rust,compile_fail\n{{#rustdoc_include ../listings/fail/demo_rc.rs}}\n```\n\n```text\n{{#include ../listings/fail/demo_rc.stderr}}\n```\n\n## Fixes {#the-fixes}\n\n```rust\n{{#rustdoc_include ../listings/examples/demo_fix.rs:body}}\n```\n\n```rust\n{{#rustdoc_include ../listings/examples/demo_other.rs}}\n```\n\n```rust\n{{#rustdoc_include ../listings/examples/demo_other.rs:body}}\n```\n\n## Parts\n\n```rust,compile_fail\n{{#rustdoc_include ../listings/fail/demo_hidden.rs:f}}\n```\n\n```rust,compile_fail\n{{#rustdoc_include ../listings/fail/demo_hidden.rs:call}}\n```\n";
        let stderr = "error: future cannot be sent between threads safely\n  |         ----- has type `Rc<u8>` which is not `Send`\n  |  ^^^^^ await occurs here, with `shared` maybe used later\n";
        book_tests::scratch::Scratch::new(
            "quizzes",
            &[
                (
                    "book.toml",
                    "[book]\ntitle = \"demo\"\n[build]\ncreate-missing = false\n",
                ),
                ("src/SUMMARY.md", "# Summary\n\n[Demo](demo.md)\n"),
                ("src/demo.md", chapter),
                (
                    "listings/fail/demo_rc.rs",
                    "use std::rc::Rc;\nasync fn g() {}\nasync fn f() { let shared = Rc::new(1u8); g().await; drop(shared); }\nfn main() { fn require_send<T: Send>(_: T) {} require_send(f()); }\n",
                ),
                ("listings/fail/demo_rc.stderr", stderr),
                (
                    "listings/examples/demo_fix.rs",
                    "// ANCHOR: body\nasync fn f() { let n = { *std::rc::Rc::new(1u8) }; g().await; let _ = n; }\nasync fn g() {}\n// ANCHOR_END: body\nfn main() {}\n",
                ),
                (
                    "listings/examples/demo_other.rs",
                    "use std::rc::Rc;\n// ANCHOR: body\nfn one() -> Rc<u8> { Rc::new(1) }\n// ANCHOR_END: body\nfn main() { let _ = one(); }\n",
                ),
                // Fails, but only because of `main`, which the anchor `f` leaves out.
                (
                    "listings/fail/demo_hidden.rs",
                    "// ANCHOR: f\nasync fn f() { let shared = std::rc::Rc::new(1u8); async {}.await; drop(shared); }\n// ANCHOR_END: f\n// ANCHOR: call\nfn main() { fn require_send<T: Send>(_: T) {} require_send(f()); }\n// ANCHOR_END: call\n",
                ),
                (
                    "listings/fail/demo_hidden.stderr",
                    "error: future cannot be sent between threads safely\n",
                ),
                ("src/quizzes/demo.toml", quiz),
            ],
        )
    }

    const GOOD: &str = "[[question]]\nask = \"compiles\"\nlisting = \"listings/fail/demo_rc.rs\"\nanswer = \"no\"\n\n[[question]]\nask = \"not-send\"\nlisting = \"listings/fail/demo_rc.rs\"\noptions = [\"shared\", \"n\"]\nanswer = \"shared\"\n\n[[question]]\nask = \"fix\"\nlisting = \"listings/fail/demo_rc.rs\"\n[[question.fix]]\nlisting = \"listings/examples/demo_fix.rs:body\"\ntext = \"A block.\"\n[[question.fix]]\nlisting = \"listings/fail/demo_rc.rs\"\ntext = \"As it is.\"\n\n[[question]]\nask = \"compiles\"\nlisting = \"listings/examples/demo_fix.rs:body\"\n";

    #[test]
    fn a_good_quiz_derives_its_answers_and_links_the_sections() {
        let root = book(GOOD);
        let pages = generate(&root).unwrap_or_else(|e| panic!("{e}"));
        let [(path, html)] = pages.as_slice() else {
            panic!("{pages:?}")
        };
        assert_eq!(path, "src/generated/quizzes/demo.md");
        assert_eq!(html.matches("<form class=\"quiz-question\"").count(), 4);
        assert!(
            html.contains("data-answer=\"1\" data-listing=\"listings/fail/demo_rc.rs\""),
            "the compiles question's answer is No"
        );
        assert!(
            html.contains("<a href=\"#the-problem\">The problem</a>")
                && html.contains("<a href=\"#the-fixes\">Fixes</a>"),
            "{html}"
        );
        // The anchored listing shows only its anchor's lines; no blank line anywhere.
        assert!(
            html.contains("<code class=\"lang-rust\">async fn f() { let n")
                && !html.contains("ANCHOR")
                && !html.contains("\n\n")
        );
    }

    #[test]
    fn bad_quizzes_are_named_with_their_line() {
        let check = |quiz: &str, expected: &str| {
            let root = book(quiz);
            let e = generate(&root).unwrap_err();
            assert!(
                e.lines().any(|l| l.starts_with(expected)),
                "expected a line starting {expected:?}, got:\n{e}"
            );
        };
        check(
            &GOOD.replace("answer = \"no\"", "answer = \"yes\""),
            "src/quizzes/demo.toml:4: the stated answer `yes` is wrong: the compiler says `no`",
        );
        check(
            &GOOD.replace("answer = \"shared\"", "answer = \"n\""),
            "src/quizzes/demo.toml:10: the stated answer `n` is wrong: the compiler says `shared`",
        );
        check(
            &GOOD.replace("[\"shared\", \"n\"]", "[\"count\", \"n\"]"),
            "src/quizzes/demo.toml:9: option `count` does not appear in the code",
        );
        check(
            &GOOD.replace("demo_fix.rs:body", "demo_fix.rs:nope"),
            "src/quizzes/demo.toml:16: src/demo.md does not show `listings/examples/demo_fix.rs:nope` (it shows listings/examples/demo_fix.rs:body)",
        );
        check(
            &GOOD.replace(
                "listings/fail/demo_rc.rs\"\ntext",
                "listings/examples/demo_other.rs\"\ntext",
            ),
            "src/quizzes/demo.toml:13: a `fix` question needs exactly one fix whose listing compiles; 2 do",
        );
        check(
            &GOOD.replace("ask = \"compiles\"", "ask = \"compile\""),
            "src/quizzes/demo.toml:2: unknown question kind `compile`",
        );
        check(
            &GOOD.replace("answer = \"no\"", "anwser = \"no\""),
            "src/quizzes/demo.toml:4: unknown field `anwser`",
        );
        check(
            "[[question]]\nask = \"compiles\"\nlisting = \"listings/fail/demo_rc.rs\"\n",
            "src/quizzes/demo.toml:1: 1 questions: a chapter's quiz has at least three",
        );
        // A `compiles` question's code, compiled as shown, must get its listing's verdict.
        let parts = "[[question]]\nask = \"compiles\"\nlisting = \"listings/examples/demo_other.rs:body\"\n\n[[question]]\nask = \"compiles\"\nlisting = \"listings/fail/demo_hidden.rs:f\"\n\n[[question]]\nask = \"compiles\"\nlisting = \"listings/fail/demo_hidden.rs:call\"\n";
        check(
            parts,
            "src/quizzes/demo.toml:3: `listings/examples/demo_other.rs:body`: the listing compiles, but the code shown, compiled alone, does not: `error[E0425]: cannot find type `Rc` in this scope`",
        );
        check(
            parts,
            "src/quizzes/demo.toml:7: `listings/fail/demo_hidden.rs:f`: the listing fails with `error: future cannot be sent between threads safely`, but the code shown, compiled alone, compiles: what makes it fail is not shown",
        );
        check(
            parts,
            "src/quizzes/demo.toml:11: `listings/fail/demo_hidden.rs:call`: the code shown, compiled alone, fails with `error[E0425]: cannot find function `f` in this scope`, not with the first error of listings/fail/demo_hidden.stderr",
        );
    }

    #[test]
    fn ids_are_the_ones_mdbook_gives() {
        let md = "## A `x`\n\n```rust\n```\n\n## A `x`\n\n```text\n```\n\n```rust,compile_fail\n```\n\n### Custom {#mine}\n\n```rust\n```\n";
        let s: Vec<String> = sections_of_rust_blocks(md)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(s, ["a-x", "a-x-1", "mine"]);
    }
}
