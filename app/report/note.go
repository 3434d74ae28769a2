package report

// NoteCode names something the engine did with a file that the user may
// want to know. The edges word each code: the command line in English
// with its flags (cmd/retention), the page in the user's language with its
// controls (app/ui).
type NoteCode string

// The notes, with the fields of Note each one sets.
const (
	// NoteUTF16: the file was decoded from UTF-16; Value is "LE" or "BE".
	NoteUTF16 NoteCode = "utf16"
	// NoteWindows1252: the file is not UTF-8; it was decoded from
	// Windows-1252.
	NoteWindows1252 NoteCode = "windows1252"
	// NoteTitleLines: N title lines above the header were skipped.
	NoteTitleLines NoteCode = "title_lines"
	// NoteNoHeader: the file has no header row; its columns were
	// recognised from their values.
	NoteNoHeader NoteCode = "no_header"
	// NoteByNameAddress: the file has no customer id or e-mail; customers
	// are told apart by name and address.
	NoteByNameAddress NoteCode = "by_name_address"
	// NoteCreditInvoices: N invoices whose number starts with C are read
	// as cancellations.
	NoteCreditInvoices NoteCode = "credit_invoices"
	// NoteCurrencies: the file has orders in N currencies (Values, each
	// with its orders, "EUR (12 orders)"); the figures are for Value only.
	NoteCurrencies NoteCode = "currencies"
	// NoteCrowns: N orders are in kr, which neither the column names nor
	// the locale tell apart (Values: the crowns); they are counted in
	// Value.
	NoteCrowns NoteCode = "crowns"
	// NoteCancelled: N orders have a cancelled, refunded or failed status,
	// worth Amount in the currency Value ("" when unknown).
	NoteCancelled NoteCode = "cancelled"
	// NoteInterests: interests list the N products (Value
	// InterestProducts) or categories (Value InterestCategories) bought
	// by the most customers, of Of.
	NoteInterests NoteCode = "interests"
	// NoteLeftOut: N customers are left out of a prediction: every
	// purchase they made by Value (the calibration end) was refunded in
	// full the day it was made.
	NoteLeftOut NoteCode = "left_out"
	// NoteNoDropout: the best BG/NBD fit lets nobody drop out (the NBD
	// model).
	NoteNoDropout NoteCode = "no_dropout"
	// NoteSurveyNoKey: a survey has no customer id or e-mail column.
	NoteSurveyNoKey NoteCode = "survey_no_key"
)

// Note is a code with what it is about: a count N (of Of), an amount, a
// value (a currency, a date, a kind) and a list of values.
type Note struct {
	Code   NoteCode `json:"code"`
	N      int      `json:"n,omitempty"`
	Of     int      `json:"of,omitempty"`
	Amount float64  `json:"amount,omitempty"`
	Value  string   `json:"value,omitempty"`
	Values []string `json:"values,omitempty"`
	// Counts go with Values, one each (NoteCurrencies: the orders in
	// each currency).
	Counts []int `json:"counts,omitempty"`
}

// HeaderReason is what a column's header says about its role.
type HeaderReason string

// The header reasons of Why.
const (
	// HeaderNames: the header (Why.Header) names the role.
	HeaderNames HeaderReason = "names"
	// HeaderNamesCustomer: the header names the customer and the values
	// are names: the column is the customer's name.
	HeaderNamesCustomer HeaderReason = "names_customer"
	// HeaderSilent: the header says nothing; the values alone tell.
	HeaderSilent HeaderReason = "silent"
	// HeaderIs: a survey's header (Why.Header) is one of the role's names.
	HeaderIs HeaderReason = "is"
	// SetByUser: the user chose the column.
	SetByUser HeaderReason = "user"
)

// ValueReason is what a column's values say about a role.
type ValueReason string

// The value reasons of Why. The Share ones come with Why.Share, the share
// of the sampled values that are of the kind.
const (
	ShareDates     ValueReason = "share_dates"
	ShareNumbers   ValueReason = "share_numbers"
	ShareWhole     ValueReason = "share_whole_numbers"
	ShareEmails    ValueReason = "share_emails"
	ShareTypes     ValueReason = "share_transaction_types"
	ShareText      ValueReason = "share_text"
	AreDates       ValueReason = "dates"
	AreCurrencies  ValueReason = "currency_codes"
	NotCurrencies  ValueReason = "not_currency_codes"
	AreTypes       ValueReason = "transaction_types"
	AreEmails      ValueReason = "emails"
	AreIdentifiers ValueReason = "identifiers"
	AreScores      ValueReason = "scores"       // whole numbers from 0 to 10
	SurveyDates    ValueReason = "survey_dates" // a survey column's values are dates
	EmptySample    ValueReason = "empty"        // the column is empty in the rows sampled
)

// Why says why a column was given a role: what its header says and what
// its values say (either may be "").
type Why struct {
	Header HeaderReason `json:"header,omitempty"`
	Column string       `json:"column,omitempty"` // the header's text
	Values ValueReason  `json:"values,omitempty"`
	Share  float64      `json:"share,omitempty"`
}

// Words is how an edge words notes, reasons and formats.
type Words struct {
	Note    func(Note) string
	Why     func(role string, w Why) string
	Dates   func(DateFormat) string
	Numbers func(NumberFormat) string
	Scale   func(ScaleWhy) string
	// Error words why a model gave no numbers or the forecast's check
	// could not be made.
	Error func(Error) string
}

// Word writes the notes, the mapping's reasons and the formats read of d,
// its forecast's errors and its survey in w's words (NoteText, Why,
// DateText, ErrorText...),
// and drops the codes: what an edge prints is its words alone.
func (d *Document) Word(w Words) {
	d.NoteText, d.Notes = wordNotes(d.Notes, w), nil
	wordMapping(d.Mapping, w)
	in := &d.Ingest
	if in.DateFormat != nil {
		in.DateText, in.DateFormat = w.Dates(*in.DateFormat), nil
	}
	if in.NumberFormat != nil {
		in.NumberText, in.NumberFormat = w.Numbers(*in.NumberFormat), nil
	}
	if f := d.Forecast; f != nil {
		f.NoteText, f.Notes = wordNotes(f.Notes, w), nil
		f.ErrorText, f.Errors = wordErrors(f.Errors, w), nil
		if v := &f.Validation; v.Error != nil {
			v.ErrorText, v.Error = w.Error(*v.Error), nil
		}
	}
	if s := d.Survey; s != nil {
		s.Word(w)
	}
}

// Word writes the notes, the mapping's reasons, the scale's reason and the
// date format of s in w's words.
func (s *Survey) Word(w Words) {
	s.NoteText, s.Notes = wordNotes(s.Notes, w), nil
	wordMapping(s.Mapping, w)
	if s.ScaleWhy != nil {
		s.ScaleText, s.ScaleWhy = w.Scale(*s.ScaleWhy), nil
	}
	if s.DateFormat != nil {
		s.DateText, s.DateFormat = w.Dates(*s.DateFormat), nil
	}
}

// Word writes the notes and errors of p in w's words.
func (p *Prediction) Word(w Words) {
	p.NoteText, p.Notes = wordNotes(p.Notes, w), nil
	p.ErrorText, p.Errors = wordErrors(p.Errors, w), nil
}

func wordErrors(es []Error, w Words) []string {
	var out []string
	for _, e := range es {
		out = append(out, w.Error(e))
	}
	return out
}

func wordNotes(ns []Note, w Words) []string {
	var out []string
	for _, n := range ns {
		out = append(out, w.Note(n))
	}
	return out
}

func wordMapping(m []MappingEntry, w Words) {
	for i := range m {
		if r := m[i].Reason; r != nil {
			m[i].Why, m[i].Reason = w.Why(m[i].Role, *r), nil
		}
	}
}
