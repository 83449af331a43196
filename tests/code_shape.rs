//! The shape of the code, as issue 13 asks for it: no function over 80
//! lines and no file over 600 lines in any package's `src/`.
//!
//! A function is measured in rustfmt layout from its `fn` line to its
//! closing brace; functions inside `#[cfg(test)]` modules (inline or in
//! their own file) are not counted. Files are counted whole, tests and all,
//! so a test module that grows past the limit moves to its own file.
//!
//! The limits keep the next change reviewable: a function that needs a
//! scroll to read is where a bug hides.

use std::path::{Path, PathBuf};

use syn::visit::Visit;

const MAX_FN_LINES: usize = 80;
const MAX_FILE_LINES: usize = 600;

/// Every `src/` folder of the workspace.
fn source_roots() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut roots = vec![root.join("src")];
    for crate_dir in std::fs::read_dir(root.join("crates")).unwrap() {
        let src = crate_dir.unwrap().path().join("src");
        if src.is_dir() {
            roots.push(src);
        }
    }
    roots
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Meta>()
                .is_ok_and(|m| m.path().is_ident("test"))
    })
}

/// The value of a `#[path = "..."]` attribute.
fn path_attr(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find_map(|a| match &a.meta {
        syn::Meta::NameValue(nv) if nv.path.is_ident("path") => match &nv.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    })
}

/// The file a `mod name;` declared in `file` lives in.
fn module_file(file: &Path, name: &str) -> [PathBuf; 2] {
    let stem = file.file_stem().unwrap().to_str().unwrap();
    let parent = file.parent().unwrap();
    let dir = if matches!(stem, "mod" | "lib" | "main") {
        parent.to_path_buf()
    } else {
        parent.join(stem)
    };
    [
        dir.join(format!("{name}.rs")),
        dir.join(name).join("mod.rs"),
    ]
}

struct Shape<'a> {
    file: &'a Path,
    long_fns: Vec<String>,
    test_modules: Vec<PathBuf>,
}

impl Shape<'_> {
    fn measure(&mut self, name: &syn::Ident, fn_token: &syn::token::Fn, block: &syn::Block) {
        let start = fn_token.span.start().line;
        let end = block.brace_token.span.close().end().line;
        let lines = end - start + 1;
        if lines > MAX_FN_LINES {
            self.long_fns.push(format!(
                "{}:{start} fn {name}: {lines} lines",
                self.file.display()
            ));
        }
    }
}

impl<'ast> Visit<'ast> for Shape<'_> {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        if is_cfg_test(&item.attrs) {
            if item.content.is_none() {
                let name = item.ident.to_string();
                match path_attr(&item.attrs) {
                    // `#[path]` on a module declared in a file is relative
                    // to that file's folder.
                    Some(path) => self
                        .test_modules
                        .push(self.file.parent().unwrap().join(path)),
                    None => self.test_modules.extend(module_file(self.file, &name)),
                }
            }
            return;
        }
        syn::visit::visit_item_mod(self, item);
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        if is_cfg_test(&item.attrs) {
            return;
        }
        self.measure(&item.sig.ident, &item.sig.fn_token, &item.block);
        syn::visit::visit_item_fn(self, item);
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        if is_cfg_test(&item.attrs) {
            return;
        }
        self.measure(&item.sig.ident, &item.sig.fn_token, &item.block);
        syn::visit::visit_impl_item_fn(self, item);
    }

    fn visit_trait_item_fn(&mut self, item: &'ast syn::TraitItemFn) {
        if let Some(block) = &item.default {
            self.measure(&item.sig.ident, &item.sig.fn_token, block);
        }
        syn::visit::visit_trait_item_fn(self, item);
    }
}

#[test]
fn no_function_over_80_lines_and_no_file_over_600() {
    let mut files = Vec::new();
    for root in source_roots() {
        rust_files(&root, &mut files);
    }
    assert!(files.len() > 50, "found only {} source files", files.len());

    let mut test_files = Vec::new();
    let mut long_fns = Vec::new();
    let mut long_files = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let lines = text.lines().count();
        if lines > MAX_FILE_LINES {
            long_files.push(format!("{}: {lines} lines", file.display()));
        }
        let ast = syn::parse_file(&text)
            .unwrap_or_else(|e| panic!("{}: does not parse: {e}", file.display()));
        let mut shape = Shape {
            file,
            long_fns: Vec::new(),
            test_modules: Vec::new(),
        };
        shape.visit_file(&ast);
        test_files.extend(shape.test_modules);
        long_fns.extend(shape.long_fns.into_iter().map(|f| (file.clone(), f)));
    }
    // Functions in test-only files, and in the modules below them, are not
    // counted (their files are).
    let test_dirs: Vec<PathBuf> = test_files
        .iter()
        .map(|f| {
            if f.ends_with("mod.rs") {
                f.parent().unwrap().to_path_buf()
            } else {
                f.with_extension("")
            }
        })
        .collect();
    let long_fns: Vec<String> = long_fns
        .into_iter()
        .filter(|(file, _)| {
            !test_files.contains(file) && !test_dirs.iter().any(|d| file.starts_with(d))
        })
        .map(|(_, f)| f)
        .collect();

    assert!(
        long_fns.is_empty() && long_files.is_empty(),
        "functions over {MAX_FN_LINES} lines:\n  {}\nfiles over {MAX_FILE_LINES} lines:\n  {}",
        long_fns.join("\n  "),
        long_files.join("\n  ")
    );
}
