"""Hand-kept word lists: function words, context cues and well-known words.

The big lists (first names, places, dictionary words) are compiled data (see
:mod:`peerjournal.anonymise.lexicon`); these small ones say how words around a name behave.
All entries are casefolded; multi-word entries use single spaces.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The casefolded words of ``text`` (lists are written as plain text)."""
    return frozenset(word.casefold() for word in text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(" ".join(line.casefold().split()) for line in text.split(",") if line.strip())


# Function words, pronouns, kinship and everyday words of the UI languages, and chat slang:
# never a name on their own, whatever their case.
STOP_WORDS = word_set("""
    i i'm i've i'll i'd im ive id me my mine myself we us our you your yours he she it they them
    his her hers its their him this that these those there here what when where why how who
    which whose a an the and but or so yet if then because also just still maybe to of in on at
    for from by with without about after before over under into out up down off again all some
    any every each much many more most less very too not nothing something is are was were be
    been am do does did have has had can could will would should must shall may might let lets
    no yes ok okay oh hi hello hey bye thanks thank please sorry dear love lol lmao omg idk tbh
    ngl fr rn bc cuz smh ily istg ikr btw imo af asf tho pls plz thx ty ya yea yeah yep nah nope
    bruh bro sis fam dude gonna wanna gotta kinda sorta yall ur u r w wtf fml hmm ugh ahh yay
    haha hehe xd xoxo xx x mood today tomorrow yesterday tonight morning evening night weekend
    day week month year time life work school home family friends exam exams class maths math
    mum mom mummy mommy dad daddy mama papa mami papi grandma grandpa granny grandad granddad
    gran nan nana nani nanu dadi dada ammi abbu amma appa baba auntie aunty aunt uncle sis bro
    oma opa mutti vati mami papi tante onkel mamie papy tata tonton abuela abuelo tía tío mamá
    papá
    sir madam mr mrs ms miss mx dr prof teacher coach boss god lord
    ich du er sie es wir ihr mein meine dein deine sein seine der die das den dem des ein eine
    einen einem und aber oder heute morgen gestern nicht auch noch schon mal mir mich dir dich
    uns euch man wenn weil dass ja nein doch nur sehr
    je tu il elle nous vous ils elles le la les un une et mais ou donc aujourd'hui demain hier
    moi toi lui mon ma mes ton ta tes son sa ses ne pas très
    yo tú él ella nosotros mi mis tu su sus el los las una y pero hoy mañana ayer muy
    también porque cuando
    senpai sensei kawaii bento onigiri ramen anime manga sushi
    yaar bhai didi beta ji accha achha chai arre haan nahi
    de del da di do dos van von zu al bin ibn le la
    ce cet cette ça qui que quoi où dans pour sur sous sans mais donc car si aussi plus moins
    bien tout tous toute toutes était étais est suis sont ai as avons ont fait être avoir
    qué por para sin sobre más menos todo toda fue soy eres son estoy está están hay ha he
    ist bin sind habe haben wird wurde für von nach aus über unter vor hinter neben dann als
    wie was wer wo warum
""")

MONTHS_AND_DAYS = word_set("""
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz mai juni
    juli oktober dezember lundi mardi mercredi jeudi vendredi samedi dimanche janvier février
    mars avril juin juillet août septembre octobre novembre décembre lunes martes miércoles
    jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre
    octubre noviembre diciembre
""")

# Names of things everyone knows: religions, figures of faith, philosophers, famous people
# and characters, films and shows, brands and apps, holidays, school subjects, languages.
# Never replaced by default (they say nothing about who wrote the entry).
WELL_KNOWN = word_set("""
    christian christians christianity christ jesus allah prophet buddha
    buddhism buddhist hindu hinduism islam muslim muslims sikh sikhism jewish judaism jew
    catholic protestant bible quran koran torah vishnu ganesha hanuman
    zen stoic stoicism stoics plato aristotle socrates kant nietzsche marx descartes hegel
    sartre camus confucius seneca epictetus aurelius freud jung darwin einstein newton
    shakespeare dickens austen tolkien rowling orwell gandhi mandela obama trump
    hermione dumbledore voldemort frodo gandalf olaf shrek
    batman superman spiderman spider-man barbie oppenheimer inception titanic frozen encanto
    naruto goku pikachu pokemon zelda minecraft fortnite roblox
    beyonce beyoncé rihanna eilish
    bts blackpink ronaldo messi
    google youtube instagram insta tiktok whatsapp facebook twitter reddit discord netflix
    spotify zoom teams snapchat snap amazon apple iphone android ipad pc tv app email
    covid christmas easter halloween ramadan eid diwali holi hanukkah thanksgiving valentine
    valentine's birthday
    english british american german french spanish italian japanese chinese indian hindi
    urdu arabic european
    physics chemistry biology science history geography art music drama pe re ict computing
    economics psychology sociology law medicine nursing
    gcse gcses a-levels alevels abitur bac jee neet sats
""")

WELL_KNOWN_PHRASES = _phrases("""
    harry potter, taylor swift, marcus aurelius, billie eilish, ariana grande, harry styles,
    high school musical, paw patrol, peppa pig, star wars, game of thrones, mario kart,
    new year, santa claus, father christmas, mother teresa, martin luther king,
    the beatles, lord of the rings
""")

# Titles before a name: "Mr Okafor", "Frau Kessler", "Mme Lefèvre", "Sra. Ortega".
HONORIFICS_BEFORE = word_set("""
    mr mrs ms miss mx dr prof professor sir dame lady lord mister missus
    herr frau fräulein m mme mlle monsieur madame mademoiselle sr sra srta señor señora
    señorita doña shri smt sri coach
    auntie aunty aunt uncle grandma grandpa granny grandad nan nana gran nani dadi
    tante onkel oma opa tía tío tia tio abuela abuelo tata tonton mamie papi
""")

# Function words that are also first names, taken for names only when capitalised in the
# middle of a sentence ("with Will and Ella"), and months that are names only after a
# strong cue ("told April").
NAMES_AMONG_STOP_WORDS = word_set("will ella")
MONTH_NAMES = word_set("april june august may avril")

# Titles that make any following word a name, even in lower case ("mr sharma").
FORMAL_TITLES = word_set("""
    mr mrs ms mx dr prof professor herr frau mme mlle monsieur madame sr sra srta señor señora
    shri smt
""")

# Titles after a name: "Sharma sir", "Rohit bhaiya", "Tanaka-san", "Suzuki sensei".
HONORIFICS_AFTER = word_set("""
    sir ma'am mam madam ji bhai bhaiya bhaia didi di aunty auntie uncle sahib saab
    san kun chan sama sensei senpai
""")

# Words before a name that say "a person": "told X", "with X", "texted X".
PERSON_BEFORE = word_set("""
    with w told tell telling asked ask asking texted text texting messaged message messaging
    called call calling rang ring phoned met meet meeting saw see seeing visited visit hugged
    hug kissed kiss dating dated date miss missed thanked blocked unblocked unfollowed
    followed dm dm'd dmed snapped facetimed emailed invited married marry befriended
    ignored ignoring like liked love loved hate hated trust trusted helped help
    mit bei gefragt sagte getroffen avec chez con
""")

# Of those, the verbs one does to people and hardly to things: enough for a lower-case
# first name that is also a word ("texted jasmine", "told mark").
CONTACT_VERBS = word_set("""
    told texted texting messaged messaging rang phoned facetimed snapped dm dm'd dmed
    emailed hugged kissed thanked blocked unblocked unfollowed invited befriended asked
""")

# Words after a name that say "a person": "X said", "X texted me".
PERSON_AFTER = word_set("""
    thinks thought wants wanted came went left got has had keeps kept looked laughed cried
    yelled shouted seems sent showed gave made broke dumped hugged is was isn't wasn't
    hasn't didn't doesn't won't can't would could did does
    hat ist war kam est était es era
""")

# Short pronouns between a name and its verb: "Javier me dijo", "Lena hat mir geschrieben".
CLITICS = word_set("me te le nos les mir mich dir uns lui m' t' just also")

# Speech and messaging verbs after a name: "X said", "X texted me", "X meinte".
SPEECH_AFTER = word_set("""
    said says told tells asked asks texted texts messaged called rang replied reckons
    meinte sagt sagte schrieb fragte dit dijo
""")

# After "X and" these make a person: "Priya and I", "Jonas und ich", "Théo et moi".
FIRST_PERSON = word_set("i me ich mir moi yo")

# Greetings before a name, or a name followed by a comma at the start of a line: vocatives.
GREETINGS = word_set("""
    hey hi hello hiya dear thanks thank love bye yo morning night
    hallo liebe lieber servus tschüss salut cher chère coucou hola querida querido gracias
""")

# Determiners: "the Rose", "die Rose", "la Rosa" are things, not people.
DETERMINERS = word_set("""
    the a an this that these those some any every
    der die das den dem des ein eine einen einem einer dieser diese dieses am im beim zum zur
    vom
    le la les un une ce cette ces el los las una unos unas este esta
""")

# People by their relation to the writer: "my friend Siddharth", "my therapist Rachel".
RELATIONS = word_set("""
    friend friends bestie bff bf gf boyfriend girlfriend partner husband wife fiancé fiancée
    sister brother cousin mate crush ex therapist counsellor counselor psychologist
    psychiatrist doctor gp teacher tutor colleague coworker co-worker boss manager neighbour
    neighbor classmate roommate flatmate son daughter niece nephew stepdad stepmum stepmom
    coach mentor supervisor landlord landlady trainer nurse dentist headteacher principal
    freund freundin schwester bruder cousine therapeutin therapeut lehrer lehrerin
    ami amie copain copine sœur frère cousin cousine prof amigo amiga novio novia hermano
    hermana primo prima
""")

# A place is expected after these: "in Leeds", "from Pune", "nach Freiburg".
PLACE_BEFORE = word_set("""
    in at near from to visiting around outside across towards toward via through past into
    between
    nach aus bei um à au aux en près desde cerca hacia a
    moved live lives living lived
""")

# An organisation, workplace or school is expected after these: "shift at X", "stage chez X".
# After these a listed place wins even when it is also a first name ("in Florence").
STRONG_PLACE_BEFORE = word_set("""
    in near from visiting around outside nach aus près desde cerca moved live lives living
    lived
""")

WORKPLACE_CUES = _phrases("""
    work at, working at, worked at, works at, job at, shift at, shifts at, interview at,
    boss at, manager at, internship at, placement at, work for, working for, works for,
    job with, arbeite bei, arbeitet bei, job bei, praktikum bei, schicht bei,
    travaille chez, stage chez, boulot chez, trabajo en, trabajo para, prácticas en
""")
