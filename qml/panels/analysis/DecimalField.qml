// A number typed with decimals (a radius in km, minutes by road): a TextField, because a SpinBox
// holds integers and turned 2.5 km into 2. `value` is what it shows; valueModified(v) says what
// the user typed (an empty field is 0), for the owner to store, so a binding on `value` stays.
import QtQuick
import QtQuick.Controls

TextField {
    id: field
    property real value: 0
    property real from: 0
    property real to: 1000
    property int decimals: 3
    signal valueModified(real value)

    implicitWidth: 96
    horizontalAlignment: TextInput.AlignRight
    inputMethodHints: Qt.ImhFormattedNumbersOnly
    // "C": a decimal point whatever the system locale, as the project file and the CLI write numbers.
    validator: DoubleValidator {
        bottom: field.from
        top: field.to
        decimals: field.decimals
        notation: DoubleValidator.StandardNotation
        locale: "C"
    }

    // 2.5, 3, 0.125; 0 shows as empty, so that placeholderText can say what empty means.
    function format(v) { return v === 0 ? "" : String(Number(v.toFixed(field.decimals))) }

    Component.onCompleted: text = format(value)
    // Not a binding on text, which typing would fight: "2." stays while the user types on to "2.5".
    onValueChanged: if ((text === "" ? 0 : Number(text)) !== value) text = format(value)
    onTextEdited: {
        if (text === "") field.valueModified(0)
        else if (acceptableInput) field.valueModified(Number(text))
    }
    onEditingFinished: text = format(value)
}
