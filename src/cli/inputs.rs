//! Which files a `check` run reads: files named, folders walked, or standard input.

use std::path::{Path, PathBuf};

use factlint::error::ConfigError;
use factlint::Format;
use walkdir::WalkDir;

/// One input to check.
#[derive(Debug, Clone)]
pub enum Input {
    /// Standard input, read as plain text.
    Stdin,
    /// A file, with the format to read it as.
    File {
        /// Where it is.
        path: PathBuf,
        /// Its markup.
        format: Format,
    },
}

fn hidden(name: &str) -> bool {
    name.starts_with('.') && name != "." && name != ".."
}

/// Expands `paths` into inputs. Named files are read whatever their
/// extension (as text unless Markdown); folders are walked for Markdown and
/// text files, skipping hidden entries. A path that does not exist is an error.
pub fn collect(paths: &[PathBuf]) -> (Vec<Input>, Vec<ConfigError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if p.is_dir() {
            let walker = WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !hidden(&e.file_name().to_string_lossy()));
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        if let Some(format) = Format::from_path(e.path()) {
                            inputs.push(Input::File {
                                path: e.into_path(),
                                format,
                            });
                        }
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(ConfigError::plain(format!(
                        "cannot read {}: {e}",
                        e.path().map_or(p.as_path(), Path::new).display()
                    ))),
                }
            }
        } else if p.exists() {
            let format = Format::from_path(p).unwrap_or(Format::Text);
            inputs.push(Input::File {
                path: p.clone(),
                format,
            });
        } else {
            errors.push(ConfigError::plain(format!(
                "{}: no such file or folder",
                p.display()
            )));
        }
    }
    (inputs, errors)
}
