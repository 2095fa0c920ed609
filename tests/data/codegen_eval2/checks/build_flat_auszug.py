"""Baut data/21321-01-01-4_flat_auszug.csv aus checks/flat_auszug_rows.txt (Schlüssel|Name|Fächergruppe|Geschlecht|Wert),
abgeschrieben aus den ersten beiden read_file-Seiten (Offset 0 und 16000) von theo-lyd/educational-equity-flow
data/raw/21321-01-01-4_flat.csv @ 1314e075d344be9217bce61595d3989b1bfa2256. Prüft die Seitengrenzen."""
FG = {'01': 'Geisteswissenschaften', '02': 'Sport', '03': 'Rechts-, Wirtschafts- und Sozialwissenschaften',
      '04': 'Mathematik/Naturwissenschaften', '05': 'Humanmedizin/Gesundheitswissenschaften',
      '07': 'Agrar-, Forst- und Ernährungswissensch., Veterinär', '08': 'Ingenieurwissenschaften',
      '09': 'Kunst, Kunstwissenschaft', '10': 'Außerhalb der Studienbereichsgliederung'}
SX = {'W': ('GESW', 'weiblich'), 'M': ('GESM', 'männlich'), 'T': ('INSGESAMT', 'Insgesamt')}
HDR = ("statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;"
       "1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;2_variable_attribute_code;"
       "2_variable_attribute_label;3_variable_code;3_variable_label;3_variable_attribute_code;3_variable_attribute_label;"
       "value;value_unit;value_variable_code;value_variable_label\n")
out = [HDR]
for r in open('/work/indep2/codegen/checks/flat_auszug_rows.txt', encoding='utf-8').read().rstrip('\n').split('\n'):
    k, n, fg, sx, v = r.split('|')
    fgc, fgl = ('INSGESAMT', 'Insgesamt') if fg == 'T' else ('HS-FG' + fg, FG[fg])
    sc, sl = SX[sx]
    out.append(f"21321;Statistik der Prüfungen;JAHR;Jahr;2023;KREISE;Kreise und kreisfreie Städte;{k};{n};HS-FG2;"
               f"Fächergruppe (mit Insgesamt);{fgc};{fgl};GESINS;Geschlecht;{sc};{sl};{v};Anzahl;HS-W06;Bestandene Prüfungen\n")
t = ''.join(out)
# Seitengrenze 1: read_file Offset 0 endet bei Zeichen 16000 mitten in der Bottrop-Zeile
assert t[:16000].endswith("05512;Bottrop, kreisfreie Stadt;HS-FG2;Fächer")
# Seitengrenze 2: Seite 2 endet bei Zeichen 32000 mitten in der (nicht übernommenen) Bayreuth-Zeile
nxt = ("21321;Statistik der Prüfungen;JAHR;Jahr;2023;KREISE;Kreise und kreisfreie Städte;09462;Bayreuth, kreisfreie Stadt;"
       "HS-FG2;Fächergruppe (mit Insgesamt);INSGESAMT;Ins")
assert len(t + nxt) == 32000
if __name__ == '__main__':
    import sys
    target = '/work/indep2/codegen/data/21321-01-01-4_flat_auszug.csv'
    if sys.argv[1:] == ['--check']:
        print('identisch' if open(target, encoding='utf-8', newline='').read() == t else 'ABWEICHUNG')
    else:
        open(target, 'w', encoding='utf-8', newline='').write(t); print(len(out) - 1, 'Datenzeilen,', len(t), 'Zeichen')
