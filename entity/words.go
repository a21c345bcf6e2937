package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Small closed word lists, written by hand for storyline. Keys are lower case.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titleNouns name an office or occupation: the head of a role.
var titleNouns = set(
	"president", "president-elect", "vice-president", "minister", "ambassador", "envoy", "diplomat",
	"spokesman", "spokeswoman", "spokesperson", "secretary", "chancellor", "premier", "governor",
	"mayor", "judge", "justice", "senator", "congressman", "congresswoman", "representative",
	"lawmaker", "legislator", "general", "admiral", "commander", "chief", "ceo", "chairman",
	"chairwoman", "chair", "director", "director-general", "head", "leader", "coach", "manager",
	"captain", "king", "queen", "prince", "princess", "pope", "emperor", "sheikh", "sultan",
	"analyst", "economist", "researcher", "scientist", "biologist", "physicist", "astronaut",
	"investor", "editor", "correspondent", "reporter", "journalist", "professor", "officer",
	"official", "attorney", "lawyer", "prosecutor", "executive", "founder", "co-founder", "owner",
	"striker", "midfielder", "defender", "goalkeeper", "player", "singer", "actor", "actress",
	"author", "writer", "adviser", "advisor", "aide", "negotiator", "consul", "counsellor",
	"deputy", "dissident", "activist", "candidate", "nominee", "mp", "co-author", "mr.", "mrs.",
	"ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "gen.", "sen.", "rep.",
	"gov.", "prof.", "rabbi", "cardinal", "bishop", "archbishop", "patriarch", "imam", "ayatollah",
	"colonel", "major", "lieutenant", "sergeant", "marshal", "commissioner", "inspector",
	"superintendent", "sheriff", "councillor", "councilman", "councilwoman", "speaker",
	"treasurer", "auditor", "ombudsman", "regulator", "banker", "trader", "strategist",
	"chairperson", "boss", "entrepreneur", "billionaire", "businessman", "businesswoman",
	"presenter", "host", "anchor", "columnist", "historian", "expert", "doctor", "surgeon",
	"nurse", "engineer", "architect", "economist", "sociologist", "epidemiologist", "virologist",
	"administrator", "vice", "premier", "viceroy", "democrat", "republican", "incumbent", "conservative", "monarch", "crown", "ceo", "cfo", "coo", "mission",
	// abbreviations, with a stop and without (British papers write "Adm Thad Allen", "Gen Petraeus")
	"adm", "adm.", "gen", "col", "col.", "lt", "lt.", "sgt", "sgt.", "capt", "capt.", "cmdr", "cmdr.",
	"gov", "sen", "rep", "rev", "rev.",
)

// titleMods modify a title noun: "foreign minister", "press secretary".
var titleMods = set(
	"foreign", "prime", "deputy", "vice", "former", "acting", "interim", "finance", "health",
	"energy", "education", "defence", "defense", "interior", "justice", "trade", "mining",
	"transport", "transportation", "agriculture", "economy", "economic", "labour", "labor",
	"environment", "culture", "home", "press", "chief", "executive", "general", "attorney",
	"state", "national", "security", "senior", "top", "opposition", "party", "union", "team",
	"federal", "regional", "district", "supreme", "high", "assistant", "associate", "junior",
	"lead", "head", "retail", "research", "fire", "police", "army", "military", "intelligence",
	"communications", "sports", "football", "budget", "treasury", "cabinet", "first",
	"presidential", "royal", "crown", "grand", "special", "permanent", "white", "house",
	"managing", "operating", "financial", "technology", "marketing", "sales", "policy", "climate",
	"commerce", "industry", "industrial", "development", "foreign-policy", "spokes", "mission",
)

// orgHeads end an organisation's name: "Foreign Ministry", "Deutsche Bank".
var orgHeads = set(
	"ministry", "department", "agency", "bank", "council", "committee", "commission", "office",
	"party", "front", "alliance", "union", "association", "organization", "organisation",
	"institute", "university", "college", "school", "academy", "fund", "foundation", "group",
	"corporation", "corp", "corp.", "company", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "ag",
	"gmbh", "sa", "systems", "technologies", "technology", "pharma", "pharmaceuticals",
	"airlines", "airways", "capital", "partners", "holdings", "times", "post", "news", "journal",
	"herald", "tribune", "gazette", "telegraph", "court", "circuit", "parliament", "assembly",
	"service", "services", "police", "army", "navy", "forces", "guard", "reserve",
	"administration", "authority", "board", "bureau", "church", "club", "network", "press",
	"media", "motors", "energy", "oil", "railways", "railway", "secretariat", "embassy",
	"consulate", "cabinet", "government", "directorate", "league", "movement", "coalition",
	"society", "trust", "exchange", "securities", "insurance", "labs", "laboratories",
	"hospital", "museum", "tribunal", "federation", "confederation", "centre", "center",
	"brigade", "battalion", "regiment", "command", "inc.", "enterprises", "industries", "studios",
	"broadcasting", "television", "radio", "magazine", "airport", "port", "council",
	"air", "force", "co", "co.", "subcommittee",
)

// orgClass nouns introduce an organisation's name: "the company Codelco".
var orgClass = set(
	"company", "firm", "bank", "lender", "union", "agency", "club", "team", "party", "group",
	"chain", "journal", "newspaper", "broadcaster", "carrier", "airline", "insurer", "retailer",
	"maker", "designer", "manufacturer", "operator", "outlet", "startup", "start-up", "network",
	"conglomerate", "giant", "producer", "supplier", "developer", "publisher", "magazine",
	"channel", "station", "regulator", "watchdog", "charity", "organisation", "organization",
	"federation", "association", "ministry", "committee", "institute", "university", "fund",
	"insurer", "automaker", "carmaker", "miner", "exporter", "importer", "platform", "app",
)

// connectors may stand inside a name: "Ministry of Agriculture", "Lula da Silva".
var connectors = set("of", "the", "and", "&", "for", "de", "da", "do", "dos", "das", "del",
	"della", "di", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "du", "y")

// particles may stand inside a person's name.
var particles = set("de", "da", "do", "dos", "das", "del", "della", "di", "van", "von", "der",
	"den", "bin", "ibn", "al", "el", "la", "le", "du", "y")

// notNames are capitalised words that never name an entity here.
var notNames = set(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "i", "christmas", "easter", "ramadan", "god", "internet",
	"covid-19", "covid", "read", "more", "related", "advertisement", "photo", "video", "image",
	"getty", "images", "file", "update", "updated", "breaking", "exclusive", "opinion", "analysis",
	"ok", "yes", "no", "mr", "mrs", "ms", "dr",
	// time zones after a clock time ("18.00 BST Transocean said ...")
	"bst", "gmt", "utc", "cet", "cest", "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst",
	// contractions open sentences, never names ("I’m Jewish and proud")
	"i’m", "i'm", "i’ve", "i've", "i’d", "i'd", "i’ll", "i'll", "it’s", "it's", "that’s", "that's",
	"there’s", "there's", "here’s", "here's", "let’s", "let's", "we’re", "we're", "they’re", "they're",
	"you’re", "you're", "he’s", "he's", "she’s", "she's", "what’s", "what's", "don’t", "don't",
)

// speechVerbs follow a speaker's name.
var speechVerbs = set("said", "says", "told", "added", "noted", "stressed", "emphasized",
	"emphasised", "wrote", "asked", "argued", "insisted", "warned", "explained", "announced",
	"claimed", "replied", "declared", "tweeted", "recalled", "urged", "admitted", "denied",
	"responded", "confirmed", "called", "praised", "criticised", "criticized", "accused",
	"revealed", "indicated", "complained", "promised", "vowed", "suggested", "believes",
	"thinks", "met", "visited", "arrived", "spoke", "signed")

// locatives put a place after them: "in Moscow" is the city, not the state.
var locatives = set("in", "to", "from", "near", "at", "into", "outside", "inside", "across",
	"around", "through", "toward", "towards", "via", "within", "throughout", "of", "across",
	"between", "onto", "off")

// placeNouns after a name make it a place: "Karelia province".
var placeNouns = set("province", "region", "state", "city", "town", "county", "village",
	"district", "oblast", "island", "islands", "valley", "river", "mountains", "peninsula")

var femaleWords = set("spokeswoman", "chairwoman", "congresswoman", "businesswoman", "queen",
	"princess", "mrs.", "mrs", "ms.", "ms", "madam", "lady", "dame", "actress", "councilwoman",
	"she", "her", "hers", "herself")

var maleWords = set("spokesman", "chairman", "congressman", "businessman", "king", "prince",
	"mr.", "mr", "sir", "lord", "actor", "councilman", "he", "him", "his", "himself", "sheikh",
	"sultan")

// roleClass groups title nouns that a description may use for one another:
// "the diplomat" for an ambassador, "the leader" for a president.
var roleClass = map[string]string{
	"ambassador": "diplomat", "envoy": "diplomat", "diplomat": "diplomat", "consul": "diplomat",
	"president": "leader", "premier": "leader", "chancellor": "leader", "leader": "leader",
	"king": "leader", "queen": "leader",
	"spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
	"chief": "chief", "ceo": "chief", "executive": "chief", "chairman": "chief",
	"chairwoman": "chief", "chair": "chief", "boss": "chief",
}

// foldKey returns s with each rune replaced by one member of its case
// folding orbit (unicode.SimpleFold): the ASCII lower-case letter where
// the orbit holds one ("K", "k" and the Kelvin sign are "k"), else its
// least rune; invalid UTF-8 reads as U+FFFD. Two strings have the same key
// exactly when strings.EqualFold holds them equal.
func foldKey(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldRune is the member of r's case folding orbit that foldKey keeps.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if 'a' <= f && f <= 'z' {
			return f
		}
		least = min(least, f)
	}
	return least
}
