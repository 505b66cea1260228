# SPDX-License-Identifier: GPL-2.0
"""The DOM a browser rendered (chromium --dump-dom), as a tree to query.

Imported by tests/*/*.sh heredocs: parse(path), then find(), text().
"""
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []

    def classes(self):
        return set((self.attrs.get("class") or "").split())

    def __repr__(self):
        return "<%s %s>" % (self.tag, self.attrs)


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_endtag(self, tag):
        node = self.cur
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.cur = node.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(path):
    builder = _Builder()
    with open(path, encoding="utf-8") as f:
        builder.feed(f.read())
    builder.close()
    return builder.root


def walk(node):
    for child in node.children:
        if isinstance(child, Node):
            yield child
            yield from walk(child)


def find(node, tag=None, cls=None, **attrs):
    """Elements under node with this tag, class and attribute values."""
    out = []
    for el in walk(node):
        if tag and el.tag != tag:
            continue
        if cls and cls not in el.classes():
            continue
        if any(el.attrs.get(k.replace("_", "-")) != v
               for k, v in attrs.items()):
            continue
        out.append(el)
    return out


def text(node):
    return "".join(c if isinstance(c, str) else text(c)
                   for c in node.children)
