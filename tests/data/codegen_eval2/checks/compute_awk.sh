#!/bin/bash
# Erwartungswerte, Rechenweg 2: grep/awk direkt auf den Rohzeilen (unabhängig von pandas).
D=/work/indep2/codegen/data
A() { iconv -f cp1252 -t utf-8 $D/21111-02-06-4.csv | grep -E '^[0-9]{4};'; }
C() { grep -E '^[0-9]{4};' $D/21111-02-06-4-B.csv; }
B() { iconv -f cp1252 -t utf-8 $D/22541-01-01-4.csv | grep -E '^[0-9]{2}\.[0-9]{2}\.[0-9]{4};[^;]+;'; }
echo "u01"; A | awk -F';' '$2=="01002"{printf "%s %.4f\n",$2,$6/$4*100}'
echo "u02"; A | awk -F';' '$2~/^(05112|05113|05513|05913)$/{printf "%s %.4f\n",$2,$16/$4*100}'
echo "u03"; A | awk -F';' '$2=="09162"||$2=="09184"{o+=$6;t+=$4} END{printf "09162+09184 %.4f\n",o/t*100}'
echo "u04"; A | awk -F';' 'length($2)==5 && $2~/^01/ && $4~/^[0-9]+$/{printf "%s %.4f\n",$2,$6/$4*100}' | sort -k2,2nr | head -3
echo "u05"; A | awk -F';' '$2=="01056"{k=$6/$4*100} $2=="01"{l=$6/$4*100} END{printf "01056 %.4f 01 %.4f diff %.4f\n",k,l,k-l}'
echo "u06"; A | awk -F';' '$2=="09162"{k=$16/$4*100} $2=="DG"{l=$16/$4*100} END{printf "09162 %.4f DG %.4f diff %.4f\n",k,l,k-l}'
echo "u07"; A | awk -F';' '$2=="04011"{w=$7/$5*100; m=($6-$7)/($4-$5)*100; printf "w %.4f m %.4f diff %.4f\n",w,m,m-w}'
echo "u08"; C | awk -F';' '$2=="05513"{printf "%s %.4f\n",$2,$6/$4*100}'
echo "u09"; C | awk -F';' 'length($2)==5 && $2~/^03/ && $4~/^[0-9]+$/ && $6~/^[0-9]+$/{printf "%s %.4f\n",$2,$6/$4*100}' | sort -k2,2nr | head -3
echo "u10"; C | awk -F';' '$2=="10044"{k=$6/$4*100} length($2)==5 && $2~/^10/{o+=$6;t+=$4} END{printf "10044 %.4f SL %.4f diff %.4f (n=%d/%d)\n",k,o/t*100,k-o/t*100,o,t}'
echo "u11"; C | awk -F';' '$2=="11000"{w=$17/$5*100; m=($16-$17)/($4-$5)*100; printf "w %.4f m %.4f diff %.4f\n",w,m,w-m}'
echo "u12"; C | awk -F';' '$2~/^(05112|05113|05513|05911|05913)$/{o+=$6;t+=$4} END{printf "pooled %.4f (%d/%d)\n",o/t*100,o,t}'
echo "u13"; B | awk -F';' '$2=="16"{k=$10/$9*100} $2=="DG"{l=$10/$9*100} END{printf "16 %.4f DG %.4f diff %.4f\n",k,l,k-l}'
echo "u14"; B | awk -F';' '$2~/^(16051|16053|16055)$/{printf "%s %.4f\n",$2,$9/$4}'
echo "u15"; B | awk -F';' 'length($2)==5 && $2~/^15/ && $9~/^[0-9]+$/{printf "%s %.4f\n",$2,$10/$9*100}' | sort -k2,2nr | head -3
F=$D/21321-01-01-4_flat_auszug.csv
echo "u16/u17"; awk -F';' '($8=="07312"||$8=="09271") && $16=="INSGESAMT" && ($12=="HS-FG05"||$12=="INSGESAMT"){v[$8,$12]=$18} END{a=v["07312","HS-FG05"];b=v["07312","INSGESAMT"];c=v["09271","HS-FG05"];d=v["09271","INSGESAMT"]; printf "07312 %.4f 09271 %.4f pooled %.4f (%d/%d)\n",a/b*100,c/d*100,(a+c)/(b+d)*100,a+c,b+d}' $F
echo "u18"; awk -F';' '$8=="05774" && $12=="INSGESAMT" && $16=="GESM"{print $8,$18}' $F
