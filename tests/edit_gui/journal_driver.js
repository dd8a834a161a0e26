// Shared by the two drivers of journal_restore_test.cpp: finding the edit panel in the real
// window, and the edited layer as text every test line can compare exactly.
.pragma library

function find(item, name) {
    if (!item) return null
    if (item.objectName === name) return item
    const kids = item.children || []
    for (let i = 0; i < kids.length; ++i) {
        const found = find(kids[i], name)
        if (found) return found
    }
    return null
}

// Every site of the edited layer: its coordinate (doubles, exact through JSON) and every
// column's value as the form shows it; and the undo state.
function state(editing) {
    const keep = editing.selected
    const sites = []
    for (let f = 0; f < editing.featureCount; ++f) {
        editing.selected = f
        const attrs = {}
        for (const row of editing.form) attrs[row.column] = row.value
        const c = editing.coordinate(f)
        sites.push({ lon: c.longitude, lat: c.latitude, attrs: attrs })
    }
    editing.selected = keep
    return { sites: sites, canUndo: editing.canUndo, canRedo: editing.canRedo, undoText: editing.undoText,
             redoText: editing.redoText, dirty: editing.dirty }
}

function say(what, value) {
    console.info("DRIVER " + what + " " + JSON.stringify(value === undefined ? null : value))
}
